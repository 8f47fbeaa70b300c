import { describe, expect, it } from "vitest";
import { POST as createTeam } from "@/app/api/teams/route";
import { POST as createUser } from "@/app/api/users/route";
import { POST as login } from "@/app/api/auth/login/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeTeam, makeUser, uid } from "./support/world";

describe("POST /api/teams", () => {
  it("lets an admin create a team (201), refuses a duplicate (409), bad slugs (422) and non-admins (403)", async () => {
    const admin = await makeUser({ role: "admin" });
    const slug = `t-${uid()}`;
    const r = await call(createTeam, "POST", { as: admin, body: { slug, name: "New team" } });
    expect(r.status).toBe(201);
    expect(r.body.team).toEqual({ slug, name: "New team" });
    expect((await call(createTeam, "POST", { as: admin, body: { slug, name: "Again" } })).status).toBe(409);
    const bad = await call(createTeam, "POST", { as: admin, body: { slug: "Bad Slug", name: "" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "slug"]);
    expect((await call(createTeam, "POST", { as: await makeUser({ role: "lead" }), body: { slug: `x-${uid()}`, name: "x" } })).status).toBe(403);
    expect((await call(createTeam, "POST", { body: { slug: `x-${uid()}`, name: "x" } })).status).toBe(401);
  });
});

describe("POST /api/users", () => {
  it("lets an admin add a person who can then sign in; names bad fields and refuses duplicates", async () => {
    const admin = await makeUser({ role: "admin" });
    const team = await makeTeam();
    const email = `new-${uid()}@test.example`;
    const body = { email, name: "New Person", role: "engineer", team: team.slug, password: "a-long-password" };
    const r = await call(createUser, "POST", { as: admin, body });
    expect(r.status).toBe(201);
    expect(r.body.user).toEqual({ email, name: "New Person", role: "engineer", team: team.slug });
    expect((await call(login, "POST", { body: { email, password: "a-long-password" } })).status).toBe(200);
    expect((await call(createUser, "POST", { as: admin, body })).status).toBe(409);

    const bad = await call(createUser, "POST", { as: admin, body: { ...body, email: `b-${uid()}@test.example`, role: "boss", password: "short" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["password", "role"]);
    const demo = await call(createUser, "POST", { as: admin, body: { ...body, email: `c-${uid()}@test.example`, password: "demo" } });
    expect(demo.status).toBe(422);
    const noTeam = await call(createUser, "POST", { as: admin, body: { ...body, email: `d-${uid()}@test.example`, team: "no-such-team" } });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.error.fields).toHaveProperty("team");
    expect(await db().user.count({ where: { email: { startsWith: "b-" } } })).toBe(0);
    expect((await call(createUser, "POST", { as: await makeUser(), body })).status).toBe(403);
  });
});
