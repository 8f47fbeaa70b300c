import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as listUsers, POST as createUser } from "@/app/api/users/route";
import { PATCH as patchUser } from "@/app/api/users/[email]/route";
import { PATCH as patchTeam } from "@/app/api/teams/[team]/route";
import { POST as login } from "@/app/api/auth/login/route";
import { GET as me } from "@/app/api/me/route";
import { GET as getApp } from "@/app/api/apps/[appId]/route";
import { GET as appAudit } from "@/app/api/apps/[appId]/audit/route";
import { PUT as setBackup } from "@/app/api/apps/[appId]/backup/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser, makeWorld, tokenFor, uid } from "./support/world";

const PASSWORD = "a-long-password-2";
const execFileAsync = promisify(execFile);

/** A person who can really sign in (created through the API by an admin), with a live cookie. */
async function signedInPerson(admin: Awaited<ReturnType<typeof makeUser>>, team: string) {
  const email = `p-${uid()}@test.example`;
  expect((await call(createUser, "POST", { as: admin, body: { email, name: "Pat Person", role: "engineer", team, password: PASSWORD } })).status).toBe(201);
  const r = await call(login, "POST", { body: { email, password: PASSWORD } });
  expect(r.status).toBe(200);
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0]!;
  const id = (await db().user.findUniqueOrThrow({ where: { email } })).id;
  return { id, email, cookie };
}

describe("PATCH /api/users/{email} { active: false }", () => {
  it("ends sessions, tokens and sign-in, makes the backup the responder, audits and enqueues Grafana sync", async () => {
    const w = await makeWorld();
    const person = await signedInPerson(w.admin, w.team.slug);
    const token = await tokenFor(person);
    const app = await makeApp(w.team.id, person.id, w.engineer.id);
    await db().outboxTask.deleteMany({ where: { subject: app.appId } });
    expect((await call(me, "GET", { as: person })).status).toBe(200);

    const r = await call(patchUser, "PATCH", { as: w.admin, params: { email: person.email }, body: { active: false } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ email: person.email, active: false, owns: 1 });
    expect(r.body.user.deactivatedAt).not.toBeNull();

    expect((await call(me, "GET", { as: person })).status).toBe(401);
    expect((await call(me, "GET", { as: { token } })).status).toBe(401);
    expect((await call(login, "POST", { body: { email: person.email, password: PASSWORD } })).status).toBe(401);
    expect(await db().session.count({ where: { userId: person.id, revokedAt: null } })).toBe(0);
    expect(await db().apiToken.count({ where: { userId: person.id, revokedAt: null } })).toBe(0);

    const view = await call(getApp, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(view.body.app).toMatchObject({ owner: { email: person.email }, responder: { email: w.engineer.email }, state: "owner_away" });
    const timeline = await call(appAudit, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(timeline.body.items[0]).toMatchObject({ action: "user.deactivated", actor: { email: w.admin.email }, after: { user: person.email, active: false } });
    expect(await db().auditEvent.count({ where: { action: "user.changed", actor: { email: w.admin.email } } })).toBe(1);
    expect(await db().outboxTask.count({ where: { kind: "grafana.app", subject: app.appId, status: "pending" } })).toBe(1);

    // a deactivated person cannot be named backup, and disappears from the pickers
    const other = await makeApp(w.team.id, w.owner.id);
    const refused = await call(setBackup, "PUT", { as: w.owner, params: { appId: other.appId }, body: { email: person.email } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toHaveProperty("email");
    const directory = await call(listUsers, "GET", { as: w.engineer, query: { team: w.team.slug } });
    expect(directory.body.items.map((u: { email: string }) => u.email)).not.toContain(person.email);

    // reactivated: may sign in again; the old sessions stay ended
    expect((await call(patchUser, "PATCH", { as: w.admin, params: { email: person.email }, body: { active: true } })).body.user).toMatchObject({ active: true, deactivatedAt: null });
    expect((await call(me, "GET", { as: person })).status).toBe(401);
    expect((await call(login, "POST", { body: { email: person.email, password: PASSWORD } })).status).toBe(200);
    const back = await call(getApp, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(back.body.app.responder).toMatchObject({ email: person.email });
  });
});

describe("PATCH /api/users/{email}", () => {
  it("lets a lead rename and deactivate their team's engineers, but not grant lead/admin, move them, or touch others", async () => {
    const w = await makeWorld();
    const ok = await call(patchUser, "PATCH", { as: w.lead, params: { email: w.engineer.email }, body: { name: "Renamed Engineer" } });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ name: "Renamed Engineer", role: "engineer", team: w.team.slug });

    const grant = await call(patchUser, "PATCH", { as: w.lead, params: { email: w.engineer.email }, body: { role: "lead" } });
    expect(grant.status).toBe(403);
    expect(grant.body.error.fields).toEqual({ role: "a lead cannot grant lead" });
    const move = await call(patchUser, "PATCH", { as: w.lead, params: { email: w.engineer.email }, body: { team: w.other.slug } });
    expect(move.status).toBe(403);
    expect(move.body.error.fields).toHaveProperty("team");
    expect((await call(patchUser, "PATCH", { as: w.outsiderLead, params: { email: w.engineer.email }, body: { active: false } })).status).toBe(403);
    expect((await call(patchUser, "PATCH", { as: w.engineer, params: { email: w.owner.email }, body: { name: "x" } })).status).toBe(403);
    const row = await db().user.findUniqueOrThrow({ where: { email: w.engineer.email } });
    expect(row).toMatchObject({ role: "engineer", teamId: w.team.id, active: true });
  });

  it("lets an admin change role and team; names bad fields (422) and unknown people (404); nothing changes on error", async () => {
    const w = await makeWorld();
    const r = await call(patchUser, "PATCH", { as: w.admin, params: { email: w.engineer.email }, body: { role: "lead", team: w.other.slug } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ role: "lead", team: w.other.slug });
    const bad = await call(patchUser, "PATCH", { as: w.admin, params: { email: w.owner.email }, body: { role: "boss", active: "no", shoe: 1 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["active", "role", "shoe"]);
    const noTeam = await call(patchUser, "PATCH", { as: w.admin, params: { email: w.owner.email }, body: { team: "no-such-team", name: "Changed" } });
    expect(noTeam.status).toBe(422);
    expect(noTeam.body.error.fields).toEqual({ team: "is not a known team" });
    expect((await db().user.findUniqueOrThrow({ where: { email: w.owner.email } })).name).not.toBe("Changed");
    const empty = await call(patchUser, "PATCH", { as: w.admin, params: { email: w.owner.email }, body: {} });
    expect(empty.status).toBe(422);
    expect((await call(patchUser, "PATCH", { as: w.admin, params: { email: "nobody@test.example" }, body: { name: "x" } })).status).toBe(404);
    const self = await call(patchUser, "PATCH", { as: w.admin, params: { email: w.admin.email }, body: { active: false } });
    expect(self.status).toBe(422);
    expect(self.body.error.fields).toEqual({ active: "cannot deactivate yourself" });
  });
});

describe("GET /api/users", () => {
  it("answers admins everyone and leads their team with view=manage (deactivated included); engineers 403", async () => {
    const w = await makeWorld();
    await db().user.update({ where: { email: w.engineer.email }, data: { active: false, deactivatedAt: new Date() } });
    const lead = await call(listUsers, "GET", { as: w.lead, query: { view: "manage" } });
    expect(lead.status).toBe(200);
    const emails = lead.body.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([w.owner.email, w.engineer.email, w.lead.email]));
    expect(emails).not.toContain(w.outsiderLead.email);
    expect(lead.body.items.find((u: { email: string }) => u.email === w.engineer.email)).toMatchObject({ active: false, team: w.team.slug });
    const admin = await call(listUsers, "GET", { as: w.admin, query: { view: "manage", team: w.other.slug } });
    expect(admin.body.items.map((u: { email: string }) => u.email)).toEqual([w.outsiderLead.email]);
    expect((await call(listUsers, "GET", { as: w.owner, query: { view: "manage" } })).status).toBe(403);
    const bad = await call(listUsers, "GET", { as: w.admin, query: { view: "everything" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("view");
  });
});

describe("POST /api/users by a lead", () => {
  it("adds engineers to the lead's own team only", async () => {
    const w = await makeWorld();
    const body = { email: `n-${uid()}@test.example`, name: "New", role: "engineer", team: w.team.slug, password: PASSWORD };
    expect((await call(createUser, "POST", { as: w.lead, body })).status).toBe(201);
    const lead = await call(createUser, "POST", { as: w.lead, body: { ...body, email: `n-${uid()}@test.example`, role: "lead" } });
    expect(lead.status).toBe(403);
    expect(lead.body.error.fields).toHaveProperty("role");
    expect((await call(createUser, "POST", { as: w.lead, body: { ...body, email: `n-${uid()}@test.example`, team: w.other.slug } })).status).toBe(403);
    expect(await db().auditEvent.count({ where: { action: "user.created", after: { contains: body.email } } })).toBe(1);
  });
});

describe("PATCH /api/teams/{team}", () => {
  it("lets an admin rename a team (audited); 404 for an unknown team, 403 for a lead, 422 naming name", async () => {
    const w = await makeWorld();
    const team = await makeTeam();
    const r = await call(patchTeam, "PATCH", { as: w.admin, params: { team: team.slug }, body: { name: "Renamed Team" } });
    expect(r.status).toBe(200);
    expect(r.body.team).toEqual({ slug: team.slug, name: "Renamed Team" });
    expect(await db().auditEvent.count({ where: { action: "team.renamed", after: { contains: team.slug } } })).toBe(1);
    expect((await call(patchTeam, "PATCH", { as: w.admin, params: { team: "no-such-team" }, body: { name: "x" } })).status).toBe(404);
    expect((await call(patchTeam, "PATCH", { as: w.lead, params: { team: team.slug }, body: { name: "x" } })).status).toBe(403);
    const bad = await call(patchTeam, "PATCH", { as: w.admin, params: { team: team.slug }, body: { name: "" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("name");
  });
});

describe("npm run admin -- user deactivate", () => {
  it("makes the same change as PATCH /api/users/{email} { active: false }, from the shell", async () => {
    const w = await makeWorld();
    const person = await signedInPerson(w.admin, w.team.slug);
    const token = await tokenFor(person);
    const app = await makeApp(w.team.id, person.id, w.engineer.id);
    await db().outboxTask.deleteMany({ where: { subject: app.appId } });

    const run = (...args: string[]) =>
      execFileAsync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin.ts", ...args], { env: process.env, timeout: 60_000 });
    const out = await run("user", "deactivate", person.email);
    expect(out.stdout).toContain(`${person.email} deactivated`);

    expect((await call(me, "GET", { as: person })).status).toBe(401);
    expect((await call(me, "GET", { as: { token } })).status).toBe(401);
    expect((await call(login, "POST", { body: { email: person.email, password: PASSWORD } })).status).toBe(401);
    const view = await call(getApp, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(view.body.app).toMatchObject({ responder: { email: w.engineer.email }, state: "owner_away" });
    const timeline = await call(appAudit, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(timeline.body.items[0]).toMatchObject({ action: "user.deactivated", actor: null, after: { user: person.email, active: false } });
    expect(await db().outboxTask.count({ where: { kind: "grafana.app", subject: app.appId, status: "pending" } })).toBe(1);

    await expect(run("user", "deactivate", `nobody-${uid()}@test.example`)).rejects.toMatchObject({ stderr: expect.stringMatching(/was not found/) });
  });
});
