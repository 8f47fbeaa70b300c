import "server-only";
import { createGrafanaClient, type GrafanaClient } from "./client";
import { env } from "@/lib/env";
import { grafanaSettingsOf, type GrafanaSettings } from "./config";

// The entry point for Next server code. Everything else in lib/grafana is framework-free (the
// benchmark and tests import it directly); this module only binds it to the environment.

export interface GrafanaRuntime {
  settings: GrafanaSettings;
  client: GrafanaClient;
}

const globalForGrafana = globalThis as unknown as { grafanaRuntime?: GrafanaRuntime | null };

/** Settings (lib/env) and client, made once per process; null when GRAFANA_URL is unset. */
export function getGrafana(): GrafanaRuntime | null {
  if (globalForGrafana.grafanaRuntime !== undefined) return globalForGrafana.grafanaRuntime;
  const settings = grafanaSettingsOf(env());
  const runtime = settings
    ? { settings, client: createGrafanaClient({ url: settings.url, token: settings.token, provenance: settings.provenance }) }
    : null;
  globalForGrafana.grafanaRuntime = runtime;
  return runtime;
}
