// Cross-site request protection for cookie-authenticated mutations. The session cookie is
// SameSite=Lax; on top of that a browser's Origin / Sec-Fetch-Site must say "same origin".
// Requests without either header are not from a browser and carry no ambient cookie risk.
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossSite(req: Request): boolean {
  if (SAFE.has(req.method)) return false;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
