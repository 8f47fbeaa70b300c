// One error shape for the whole API: { error: { code, message, fields? } }.
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "invalid_credentials"
  | "forbidden"
  | "csrf_rejected"
  | "not_found"
  | "conflict"
  | "already_owned"
  | "app_exists"
  | "not_owned"
  | "method_not_allowed"
  | "payload_too_large"
  | "too_many_attempts"
  | "gone"
  | "internal";

/** Each error code's HTTP status (exported for the OpenAPI document's error responses). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  already_owned: 409,
  app_exists: 409,
  not_owned: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  too_many_attempts: 429,
  gone: 410,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** extra response headers, e.g. Retry-After with a 429 */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found`);
export const forbidden = (message: string) => new AppError("forbidden", message);
