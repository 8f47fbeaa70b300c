import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { API_ROUTES } from "@/lib/http/route-table";
import { call } from "./support/http";
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
});
