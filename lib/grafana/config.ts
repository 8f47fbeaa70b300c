import { z } from "zod";
import { fieldErrors } from "@/lib/validation/field-errors";

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

export const DEFAULT_QUERY_TEMPLATE = 'sum(rate(http_requests_total{app="$appId"}[5m]))';

const required = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? "is required when GRAFANA_URL is set" : `must be ${what}`;

const baseUrl = z
  .url({ protocol: /^https?$/, error: required("an http(s) URL") })
  .transform((u) => u.replace(/\/+$/, ""));

/** Zod schema over env-like input; exported so `lib/env.ts` can compose it. */
export const grafanaEnvSchema = z.object({
  GRAFANA_URL: baseUrl,
  GRAFANA_TOKEN: z.string({ error: required("a string") }),
  GRAFANA_DATASOURCE_UID: z.string({ error: required("a string") }),
  GRAFANA_QUERY_TEMPLATE: z
    .string()
    .default(DEFAULT_QUERY_TEMPLATE)
    .refine((t) => t.includes("$appId"), "must contain the placeholder $appId"),
  GRAFANA_GROUP_INTERVAL_SECONDS: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .positive("must be positive")
    .refine((n) => n % 10 === 0, "must be a multiple of 10 (Grafana's base interval)")
    .default(60),
  GRAFANA_PROVENANCE: z.enum(["locked", "editable"], { error: 'must be "locked" or "editable"' }).default("locked"),
  PORTAL_URL: baseUrl,
});

export class GrafanaConfigError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message);
    this.name = "GrafanaConfigError";
  }
}

/**
 * Parses Grafana settings from env-like input (usually `process.env`).
 * Returns null when GRAFANA_URL is unset or empty (Grafana sync disabled).
 * Throws GrafanaConfigError whose message names every bad variable.
 */
export function parseGrafanaSettings(env: Record<string, string | undefined>): GrafanaSettings | null {
  if (!env.GRAFANA_URL) return null;
  // Empty strings count as unset so defaults apply, as they would for a missing variable.
  const input = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = grafanaEnvSchema.safeParse(input);
  if (!parsed.success) {
    const problems = Object.entries(fieldErrors(parsed.error.issues, { key: "top", root: "env" })).map(([name, message]) => ({ name, message }));
    throw new GrafanaConfigError(
      problems.map((p) => p.name),
      `Invalid Grafana settings: ${problems.map((p) => `${p.name} ${p.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
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
