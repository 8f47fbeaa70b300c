import type { Env } from "@/lib/env";

/** Everything the Grafana side of the portal needs to know, parsed once at start. */
export interface GrafanaSettings {
  /** Base URL of Grafana, no trailing slash, e.g. "https://grafana.example.com". */
  url: string;
  /** Service-account token (glsa_…), sent as a Bearer token. */
  token: string;
  /** UID of the Prometheus data source the rules query. */
  datasourceUid: string;
  /** PromQL for one app's request rate; `$appId` is replaced by the app id. */
  queryTemplate: string;
  /** Rule-group evaluation interval in seconds (a positive multiple of 10). */
  groupIntervalSeconds: number;
  /** "editable" sends `X-Disable-Provenance: true` so people can still edit rules in the UI. */
  provenance: "locked" | "editable";
  /** Base URL of the portal, no trailing slash, for links back to app pages. */
  portalUrl: string;
}

// The settings themselves are parsed with every other one in lib/env (one schema, one message
// naming each bad variable); this maps them onto what the Grafana side needs.
export { DEFAULT_QUERY_TEMPLATE } from "@/lib/env";

type GrafanaEnv = Pick<
  Env,
  "GRAFANA_URL" | "GRAFANA_TOKEN" | "GRAFANA_DATASOURCE_UID" | "GRAFANA_QUERY_TEMPLATE" | "GRAFANA_GROUP_INTERVAL_SECONDS" | "GRAFANA_PROVENANCE" | "PORTAL_URL"
>;

/** Grafana settings from parsed settings; null when GRAFANA_URL is unset (Grafana sync disabled). */
export function grafanaSettingsOf(e: GrafanaEnv): GrafanaSettings | null {
  if (!e.GRAFANA_URL) return null;
  // lib/env requires these three whenever GRAFANA_URL is set
  if (!e.GRAFANA_TOKEN || !e.GRAFANA_DATASOURCE_UID || !e.PORTAL_URL) throw new Error("Grafana settings were not parsed by lib/env");
  return {
    url: e.GRAFANA_URL,
    token: e.GRAFANA_TOKEN,
    datasourceUid: e.GRAFANA_DATASOURCE_UID,
    queryTemplate: e.GRAFANA_QUERY_TEMPLATE,
    groupIntervalSeconds: e.GRAFANA_GROUP_INTERVAL_SECONDS,
    provenance: e.GRAFANA_PROVENANCE,
    portalUrl: e.PORTAL_URL,
  };
}
