// Every API route and the methods it answers: the one list the proxy answers 405 from, and the
// one the hostile-input suite (test/integration/hostile) walks. test/unit/route-table.test.ts
// fails when a route file under app/api is missing here or exports other methods, naming it.
// Pure data: no framework imports (the proxy and the tests both read it).

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ApiRoute = { path: string; methods: readonly Method[] };

export const API_ROUTES: readonly ApiRoute[] = [
  { path: "/api/ack/[token]", methods: ["POST"] },
  { path: "/api/apps", methods: ["GET", "POST"] },
  { path: "/api/apps/[appId]", methods: ["GET"] },
  { path: "/api/apps/[appId]/audit", methods: ["GET"] },
  { path: "/api/apps/[appId]/backup", methods: ["PUT"] },
  { path: "/api/apps/[appId]/claim", methods: ["POST"] },
  { path: "/api/apps/[appId]/confirm", methods: ["POST"] },
  { path: "/api/apps/[appId]/findings", methods: ["GET"] },
  { path: "/api/apps/[appId]/prediction", methods: ["GET"] },
  { path: "/api/apps/[appId]/release", methods: ["POST"] },
  { path: "/api/apps/[appId]/silences", methods: ["GET", "POST"] },
  { path: "/api/apps/[appId]/silences/[id]", methods: ["DELETE"] },
  { path: "/api/apps/[appId]/sync", methods: ["GET"] },
  { path: "/api/apps/[appId]/thresholds", methods: ["GET", "PUT"] },
  { path: "/api/apps/[appId]/thresholds/dry-run", methods: ["POST"] },
  { path: "/api/apps/[appId]/thresholds/history", methods: ["GET"] },
  { path: "/api/apps/[appId]/thresholds/rollback", methods: ["POST"] },
  { path: "/api/apps/[appId]/traffic", methods: ["GET"] },
  { path: "/api/apps/[appId]/transfer", methods: ["POST"] },
  { path: "/api/auth/login", methods: ["POST"] },
  { path: "/api/auth/logout", methods: ["POST"] },
  { path: "/api/detection/run", methods: ["POST"] },
  { path: "/api/export/ownership", methods: ["GET"] },
  { path: "/api/findings/[id]/ack", methods: ["POST", "DELETE"] },
  { path: "/api/findings/[id]/resolve", methods: ["POST"] },
  { path: "/api/grafana/reconcile", methods: ["POST"] },
  { path: "/api/grafana/retry", methods: ["POST"] },
  { path: "/api/grafana/status", methods: ["GET"] },
  { path: "/api/import", methods: ["POST"] },
  { path: "/api/me", methods: ["GET", "PATCH"] },
  { path: "/api/me/availability", methods: ["PUT"] },
  { path: "/api/me/findings", methods: ["GET"] },
  { path: "/api/me/sessions", methods: ["GET", "DELETE"] },
  { path: "/api/me/sessions/[id]", methods: ["DELETE"] },
  { path: "/api/metrics", methods: ["GET"] },
  { path: "/api/openapi.json", methods: ["GET"] },
  { path: "/api/overview", methods: ["GET"] },
  { path: "/api/prometheus/rules", methods: ["GET"] },
  { path: "/api/teams", methods: ["GET", "POST"] },
  { path: "/api/teams/[team]", methods: ["PATCH"] },
  { path: "/api/teams/[team]/escalation", methods: ["GET", "PUT"] },
  { path: "/api/teams/[team]/stewardship", methods: ["GET", "PUT"] },
  { path: "/api/tokens", methods: ["GET", "POST"] },
  { path: "/api/tokens/[id]", methods: ["DELETE"] },
  { path: "/api/traffic", methods: ["POST"] },
  { path: "/api/users", methods: ["GET", "POST"] },
  { path: "/api/users/[email]", methods: ["PATCH"] },
];

const compiled = API_ROUTES.map((r) => ({
  route: r,
  literal: !r.path.includes("["),
  re: new RegExp(`^${r.path.replace(/\[\.\.\.\w+\]/g, ".+").replace(/\[\w+\]/g, "[^/]+")}/?$`),
})).sort((a, b) => Number(b.literal) - Number(a.literal));

/** The table row for a concrete path (literal paths before templated ones), or null. */
export function matchApiRoute(pathname: string): ApiRoute | null {
  return compiled.find((c) => c.re.test(pathname))?.route ?? null;
}

/** What a route answers besides its own methods: HEAD with GET, OPTIONS always. */
export function allowedMethods(route: ApiRoute): string[] {
  return [...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}
