// The one way the portal calls a configured service (Grafana, Prometheus): a JSON request with a
// timeout, whose failures are typed. A non-2xx answer is returned with its status and parsed body
// (each client turns it into its own error: Grafana's codes, Prometheus' errorType); no answer
// within the timeout, or no connection, throws FetchError. Webhooks to user-named hosts do not come
// here: they go through lib/net/outbound's postJson, which also checks the connected address.

export type FetchFailure = "timeout" | "network";

export class FetchError extends Error {
  constructor(
    readonly kind: FetchFailure,
    message: string,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export type JsonAnswer = { status: number; ok: boolean; body: unknown };

export type FetchJsonOptions = {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON (with Content-Type) when defined. */
  body?: unknown;
  timeoutMs: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
};

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function fetchJson(url: string, o: FetchJsonOptions): Promise<JsonAnswer> {
  const headers: Record<string, string> = { Accept: "application/json", ...o.headers };
  if (o.body !== undefined) headers["Content-Type"] = "application/json";
  try {
    const res = await (o.fetch ?? fetch)(url, {
      method: o.method ?? "GET",
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs),
    });
    return { status: res.status, ok: res.ok, body: await readBody(res) };
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    if (name === "TimeoutError" || name === "AbortError") throw new FetchError("timeout", `no answer within ${o.timeoutMs} ms`);
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    throw new FetchError("network", reason);
  }
}
