import { GRAFANA_ENDPOINTS, fillPath, type GrafanaEndpoint } from "./endpoints";
import { FetchError, fetchJson, type JsonAnswer } from "@/lib/net/fetch-json";
import { GrafanaError, errorFromResponse } from "./errors";

export interface GrafanaHttpOptions {
  /** Base URL of Grafana (without `/api`). */
  url: string;
  /** Service-account token, sent as `Authorization: Bearer …`. */
  token: string;
  /** "editable" sends `X-Disable-Provenance: true` on every write. Default "locked". */
  provenance?: "locked" | "editable";
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  /** Sent as X-Grafana-Org-Id when set (a service-account token is already bound to one org). */
  orgId?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Statuses answered with `null` instead of an error (e.g. 404 on a GET). */
  nullOn?: readonly number[];
}

export type GrafanaCall = <T>(endpoint: GrafanaEndpoint, opts?: CallOptions) => Promise<T | null>;

/** One JSON request to Grafana; any non-2xx answer becomes a GrafanaError. */
export function createGrafanaCall(o: GrafanaHttpOptions): GrafanaCall {
  const base = `${o.url.replace(/\/+$/, "")}/api`;
  const timeoutMs = o.timeoutMs ?? 10_000;

  return async function call<T>(endpoint: GrafanaEndpoint, opts: CallOptions = {}): Promise<T | null> {
    const { method, path: template } = GRAFANA_ENDPOINTS[endpoint];
    const path = fillPath(template, opts.params);
    const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : "";
    const headers: Record<string, string> = { Authorization: `Bearer ${o.token}` };
    if (o.orgId !== undefined) headers["X-Grafana-Org-Id"] = String(o.orgId);
    if (o.provenance === "editable" && method !== "GET") headers["X-Disable-Provenance"] = "true";

    let res: JsonAnswer;
    try {
      res = await fetchJson(base + path + qs, { method, headers, body: opts.body, timeoutMs, fetch: o.fetch });
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      const message = err.kind === "timeout" ? `no answer within ${timeoutMs} ms` : err.message;
      throw new GrafanaError(err.kind, `Grafana ${method} ${path}: ${message}`, { method, path });
    }
    if (res.ok) return (res.body ?? null) as T | null;
    if (opts.nullOn?.includes(res.status)) return null;
    throw errorFromResponse(method, path, res.status, res.body);
  };
}
