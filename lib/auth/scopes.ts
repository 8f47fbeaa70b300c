// What an API token may do. Pure.
//  read   — GET any route its person may read
//  write  — act as its person on every route (implies read); the default, and what tokens
//           made before scopes existed became
//  ingest — only POST /api/traffic, for any app or (with a team) that team's apps
export const SCOPES = ["read", "write", "ingest"] as const;
export type Scope = (typeof SCOPES)[number];

/** Which scope a route asks of a token: reads need read, changes write, traffic ingest. */
export type RouteScope = "read" | "write" | "ingest";

export function parseScopes(stored: string): Scope[] {
  return stored.split(",").map((s) => s.trim()).filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
}

export function scopeAllows(scopes: readonly Scope[], needed: RouteScope): boolean {
  if (scopes.includes("write")) return true;
  if (needed === "read") return scopes.includes("read");
  if (needed === "ingest") return scopes.includes("ingest");
  return false;
}
