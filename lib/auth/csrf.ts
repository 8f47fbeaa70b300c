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
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = (req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")).split(",")[0]!.trim();
  try {
    // scheme and host: an https:// page is another origin than the http:// portal
    const o = new URL(origin);
    return o.host !== host || o.protocol !== `${proto}:`;
  } catch {
    return true;
  }
}
