// Where to go after sign-in: only ever a path on this portal. Pure (server page and client form).
// The value is resolved the way a browser resolves it — WHATWG URL parsing strips tabs and
// newlines and reads "\" as "/" — so "/\t/evil.example", "/\\evil.example" or "//evil.example"
// (all another origin to a browser) are caught here too. Anything else, including control
// characters (which would also break a Location header), gives "/".
const BASE = "http://portal.invalid";

export function safeNextPath(value: string | string[] | null | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? "/" : path;
}
