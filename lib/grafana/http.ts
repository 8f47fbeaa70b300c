import { GRAFANA_ENDPOINTS, fillPath, type GrafanaEndpoint } from "./endpoints";
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

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One JSON request to Grafana; any non-2xx answer becomes a GrafanaError. */
export function createGrafanaCall(o: GrafanaHttpOptions): GrafanaCall {
  const base = `${o.url.replace(/\/+$/, "")}/api`;
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 10_000;

  return async function call<T>(endpoint: GrafanaEndpoint, opts: CallOptions = {}): Promise<T | null> {
    const { method, path: template } = GRAFANA_ENDPOINTS[endpoint];
    const path = fillPath(template, opts.params);
    const qs = opts.query ? `?${new URLSearchParams(opts.query).toString()}` : "";
    const headers: Record<string, string> = { Authorization: `Bearer ${o.token}`, Accept: "application/json" };
    if (opts.body !== undefined) headers["Content-Type"] = "application/json";
    if (o.orgId !== undefined) headers["X-Grafana-Org-Id"] = String(o.orgId);
    if (o.provenance === "editable" && method !== "GET") headers["X-Disable-Provenance"] = "true";

    let res: Response;
    let body: unknown;
    try {
      res = await doFetch(base + path + qs, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await readBody(res);
    } catch (err) {
      const name = err instanceof Error ? err.name : "";
      if (name === "TimeoutError" || name === "AbortError") {
        throw new GrafanaError("timeout", `Grafana ${method} ${path}: no answer within ${timeoutMs} ms`, { method, path });
      }
      const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
      throw new GrafanaError("network", `Grafana ${method} ${path}: ${reason}`, { method, path });
    }
    if (res.ok) return (body ?? null) as T | null;
    if (opts.nullOn?.includes(res.status)) return null;
    throw errorFromResponse(method, path, res.status, body);
  };
}
