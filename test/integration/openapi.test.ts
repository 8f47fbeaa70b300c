import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { GET as teams } from "@/app/api/teams/route";
import { API_ROUTES } from "@/lib/http/route-table";
import { call } from "./support/http";
import { checkAnswer, operationOf } from "./support/openapi-check";
import { makeUser } from "./support/world";

describe("GET /api/openapi.json", () => {
  it("answers the OpenAPI 3.1 document of every route to anyone signed in, 401 otherwise", async () => {
    const r = await call(openapi, "GET", { as: await makeUser() });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe("3.1.0");
    expect(Object.keys(r.body.paths)).toHaveLength(API_ROUTES.length);
    expect(r.body.paths["/api/users/{email}"].patch.requestBody.content["application/json"].schema.properties.active).toEqual({ type: "boolean" });
    expect((await call(openapi, "GET")).status).toBe(401);
  });

  it("describes every JSON answer by a schema, the error shape included", async () => {
    const r = await call(openapi, "GET", { as: await makeUser() });
    const users = r.body.paths["/api/users/{email}"].patch.responses;
    expect(users["200"].content["application/json"].schema.properties.user.required).toContain("deactivatedAt");
    expect(users["403"]).toEqual({ $ref: "#/components/responses/Error" });
    expect(r.body.components.schemas.Error.properties.error.properties.code.enum).toContain("validation_failed");
    for (const [p, item] of Object.entries(r.body.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>)) {
      for (const [method, op] of Object.entries(item)) {
        const ok = Object.entries(op.responses).find(([s]) => s.startsWith("2"));
        const json = ok?.[1].content?.["application/json"]?.schema;
        if (json) expect(json, `${method} ${p}`).not.toEqual({ type: "object" });
      }
    }
  });
});

// The check every integration test's call() makes (support/openapi-check.ts) must be able to fail.
describe("checkAnswer", () => {
  it("knows which operation a handler is and fails on an extra field, a wrong error code or an undocumented status", async () => {
    expect(await operationOf(teams)).toEqual({ method: "GET", path: "/api/teams" });
    const answer = (status: number, body: unknown) => () => checkAnswer({ method: "GET", path: "/api/teams", status, contentType: "application/json", body });
    expect(answer(200, { items: [{ slug: "a", name: "A", extra: 1 }] })).toThrow(/must NOT have additional properties \(extra\)/);
    expect(answer(200, { items: [{ slug: "a" }] })).toThrow(/must have required property 'name'/);
    expect(answer(404, { error: { code: "nope", message: "x" } })).toThrow(/\/error\/code must be equal to one of the allowed values/);
    expect(answer(418, {})).toThrow(/a status the OpenAPI document does not list/);
    expect(answer(200, { items: [{ slug: "a", name: "A" }] })).not.toThrow();
    expect(answer(404, { error: { code: "not_found", message: "No such app" } })).not.toThrow();
  });
});
