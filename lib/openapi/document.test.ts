import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { OPERATIONS } from "./operations";
import { API_ROUTES } from "@/lib/http/route-table";

const ROOT = path.resolve(import.meta.dirname, "../..");

// Every route file under app/api and the methods it exports (the 404 catch-all is not a route).
function routeMethods(dir = path.join(ROOT, "app/api")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeMethods(p);
    if (e.name !== "route.ts") return [];
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(p)).split(path.sep).join("/");
    if (route === "/api/[...unknown]") return [];
    const source = fs.readFileSync(p, "utf8");
    return [...source.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => `${m[1]} ${route}`);
  });
}

describe("buildOpenApiDocument", () => {
  it("describes every method of every route file under app/api", () => {
    const undescribed = routeMethods().filter((k) => !(k in OPERATIONS));
    expect(undescribed, `no entry in lib/openapi/operations.ts (and so not in the OpenAPI document) for: ${undescribed.join(", ")}`).toEqual([]);
    const doc = buildOpenApiDocument();
    const described = Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, "[$1]")}`));
    const missing = routeMethods().filter((k) => !described.includes(k));
    expect(missing, `not in the OpenAPI document (add them to lib/http/route-table.ts and lib/openapi/operations.ts): ${missing.join(", ")}`).toEqual([]);
    const stale = Object.keys(OPERATIONS).filter((k) => !API_ROUTES.some((r) => r.methods.some((m) => `${m} ${r.path}` === k)));
    expect(stale, "entries in lib/openapi/operations.ts for routes that do not exist").toEqual([]);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = buildOpenApiDocument();
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    // and the validator does refuse a broken one
    const broken = { ...JSON.parse(JSON.stringify(doc)), info: undefined };
    expect((await new Validator().validate(JSON.parse(JSON.stringify(broken)))).valid).toBe(false);
  });

  it("takes request schemas from the zod schemas the routes parse with", () => {
    const doc = buildOpenApiDocument();
    const patch = doc.paths["/api/users/{email}"]?.patch as { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown>; additionalProperties: unknown } }> } };
    const schema = patch.requestBody.content["application/json"]!.schema;
    expect(Object.keys(schema.properties).sort()).toEqual(["active", "name", "role", "team"]);
    expect(schema.properties.role).toMatchObject({ enum: ["engineer", "lead", "admin"] });
    expect(schema.additionalProperties).toBe(false);
    const list = doc.paths["/api/users"]?.get as { parameters: { name: string; in: string }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["query:q", "query:team", "query:view"]);
    const imp = doc.paths["/api/import"]?.post as { requestBody: { content: Record<string, unknown> } };
    expect(Object.keys(imp.requestBody.content)).toEqual(["application/json", "text/csv", "application/yaml", "text/plain"]);
  });
});
