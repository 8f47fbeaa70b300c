// Route labels for the HTTP histogram: the route's pattern, never the raw URL, so the series
// count is bounded by the route files rather than by app ids.

type Params = Record<string, string | string[] | undefined>;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * `/api/apps/checkout-api/claim` with `{ appId: "checkout-api" }` → `/api/apps/:appId/claim`.
 * Each param replaces the first not yet replaced segment equal to its value, left to right in
 * the order Next passes them (path order). Under /api the search starts after the resource name
 * (routes are app/api/<resource>/[id]/…), so an id that happens to equal "apps" or "claim" still
 * lands in its own place. Catch-all values replace one segment per element.
 */
export function routePattern(pathname: string, params: Params = {}): string {
  const segments = pathname.split("/").filter((s) => s.length > 0);
  const decoded = segments.map(decode);
  const out = [...segments];
  const used = new Set<number>();
  let from = decoded[0] === "api" ? 2 : 0;
  for (const [name, value] of Object.entries(params)) {
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const v of values) {
      let i = decoded.findIndex((s, j) => j >= from && !used.has(j) && s === v);
      if (i < 0) i = decoded.findIndex((s, j) => !used.has(j) && s === v);
      if (i < 0) continue;
      used.add(i);
      out[i] = `:${name}`;
      from = i + 1;
    }
  }
  return `/${out.join("/")}`;
}

/** 200 → "2xx"; anything outside 100–599 → "5xx" (a handler that returned nonsense failed). */
export function statusClass(status: number): string {
  const c = Math.floor(status / 100);
  return c >= 1 && c <= 5 ? `${c}xx` : "5xx";
}
