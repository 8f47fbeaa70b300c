import crypto from "node:crypto";

const digest = (s: string) => crypto.createHash("sha256").update(s).digest();

/**
 * Open when no METRICS_TOKEN is configured; otherwise the request must send
 * `Authorization: Bearer <METRICS_TOKEN>`. Compared as fixed-length digests in constant time,
 * so neither the token's content nor its length leaks through timing.
 */
export function metricsAccessAllowed(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const given = match?.[1] ?? "";
  return crypto.timingSafeEqual(digest(given), digest(token));
}
