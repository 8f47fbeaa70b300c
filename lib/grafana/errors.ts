// Typed failures of Grafana calls. `retryable` tells the outbox whether to try again later.

export type GrafanaErrorCode =
  | "invalid_request" // our body failed lib/grafana/schemas.ts: never sent
  | "bad_request" // 400
  | "unauthorized" // 401: token missing, wrong or expired
  | "forbidden" // 403: token lacks a permission, or quota
  | "not_found" // 404
  | "conflict" // 409 (optimistic lock, folder title clash, contact point in use)
  | "provenance_conflict" // provenance mismatch (500 on PUT, 409 on DELETE): never retried
  | "rate_limited" // 429
  | "server" // other 5xx
  | "timeout" // no answer before the client's timeout
  | "network"; // connection refused/reset, DNS

const RETRYABLE: ReadonlySet<GrafanaErrorCode> = new Set(["rate_limited", "server", "timeout", "network"]);

export class GrafanaError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: GrafanaErrorCode,
    message: string,
    readonly details: { method: string; path: string; status?: number; messageId?: string; body?: unknown } = { method: "", path: "" },
  ) {
    super(message);
    this.name = "GrafanaError";
    this.retryable = RETRYABLE.has(code);
  }

  get status(): number | undefined {
    return this.details.status;
  }

  /** Grafana's errutil id, e.g. `alerting.notifications.contact-points.referenced`. */
  get messageId(): string | undefined {
    return this.details.messageId;
  }
}

function codeFor(status: number, message: string, messageId: string | undefined): GrafanaErrorCode {
  // Grafana reports a provenance mismatch as 500 on PUT ("cannot change provenance from 'api'
  // to ''") and as 409 alerting.provenanceMismatch on DELETE. Retrying cannot fix either.
  if (/provenance/i.test(message) || messageId?.includes("provenance")) return "provenance_conflict";
  if (status === 400 || status === 422) return "bad_request";
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  return status >= 500 ? "server" : "bad_request";
}

/** Maps a non-2xx answer to a GrafanaError. `body` is the parsed JSON, the text, or undefined. */
export function errorFromResponse(method: string, path: string, status: number, body: unknown): GrafanaError {
  const obj = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const text = typeof obj.message === "string" ? obj.message : typeof body === "string" ? body : "";
  const messageId = typeof obj.messageId === "string" ? obj.messageId : undefined;
  const code = codeFor(status, text, messageId);
  return new GrafanaError(code, `Grafana ${method} ${path} → ${status}${text ? `: ${text}` : ""}`, { method, path, status, messageId, body });
}
