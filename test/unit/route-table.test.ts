import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, matchApiRoute } from "../../lib/http/route-table";

const ROOT = path.resolve(import.meta.dirname, "../..");

function routeFiles(dir = path.join(ROOT, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

// The catch-all that answers 404 JSON for unknown /api paths is not an API route of its own.
const NOT_ROUTES = new Set(["/api/[...unknown]"]);

describe("lib/http/route-table.ts", () => {
  const files = routeFiles()
    .map((f) => ({ file: path.relative(ROOT, f), path: "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/") }))
    .filter((f) => !NOT_ROUTES.has(f.path));

  it("lists every route file under app/api with exactly the methods it exports", () => {
    for (const f of files) {
      const source = fs.readFileSync(path.join(ROOT, f.file), "utf8");
      const exported = [...source.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]).sort();
      const row = API_ROUTES.find((r) => r.path === f.path);
      expect(row, `${f.file} is missing from lib/http/route-table.ts: add { path: "${f.path}", methods: ${JSON.stringify(exported)} }`).toBeDefined();
      expect([...(row?.methods ?? [])].sort(), `${f.file}: methods in lib/http/route-table.ts`).toEqual(exported);
    }
    for (const r of API_ROUTES) expect(files.some((f) => f.path === r.path), `${r.path} is in the route table but has no route file`).toBe(true);
  });

  it("matches concrete paths, literal before templated", () => {
    expect(matchApiRoute("/api/apps/checkout-api/thresholds/history")?.path).toBe("/api/apps/[appId]/thresholds/history");
    expect(matchApiRoute("/api/apps")?.path).toBe("/api/apps");
    expect(matchApiRoute("/api/apps/x/nope")).toBeNull();
    expect(matchApiRoute("/api/nope")).toBeNull();
  });
});
