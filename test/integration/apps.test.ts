import { describe, expect, it } from "vitest";
import { GET as listApps, POST as registerApp } from "@/app/api/apps/route";
import { GET as getApp } from "@/app/api/apps/[appId]/route";
import { GET as overview } from "@/app/api/overview/route";
import { GET as teams } from "@/app/api/teams/route";
import { GET as users } from "@/app/api/users/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeUser, makeWorld, uid } from "./support/world";

describe("GET /api/apps", () => {
  it("filters by team, mine and unowned, searches, and pages with a cursor", async () => {
    const w = await makeWorld();
    const owned = await makeApp(w.team.id, w.owner.id);
    const backed = await makeApp(w.team.id, w.lead.id, w.owner.id);
    const free = await Promise.all([1, 2, 3].map(() => makeApp(w.team.id)));
    const all = await call(listApps, "GET", { as: w.owner, query: { team: w.team.slug } });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(Object.keys(all.body.items[0]).sort()).toEqual([
      "appId", "backup", "level", "name", "owner", "ownerAway", "reasons", "recentRps", "responder", "stale", "state", "sync", "team", "teamName", "worstFinding",
    ]);
    expect(all.body.items.find((a: { appId: string }) => a.appId === backed.appId)).toMatchObject({ owner: { email: w.lead.email }, backup: { email: w.owner.email } });

    const mine = await call(listApps, "GET", { as: w.owner, query: { team: w.team.slug, filter: "mine" } });
    expect(mine.body.items.map((a: { appId: string }) => a.appId).sort()).toEqual([owned.appId, backed.appId].sort());

    const unowned = await call(listApps, "GET", { as: w.owner, query: { team: w.team.slug, filter: "unowned" } });
    expect(unowned.body.items.map((a: { appId: string }) => a.appId).sort()).toEqual(free.map((a) => a.appId).sort());
    expect(unowned.body.items.every((a: { owner: unknown; responder: unknown }) => a.owner === null && a.responder === null)).toBe(true);

    const search = await call(listApps, "GET", { as: w.owner, query: { q: owned.appId.toUpperCase() } });
    expect(search.body.items.map((a: { appId: string }) => a.appId)).toEqual([owned.appId]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { appId: string }[]; nextCursor: string | null } } = await call(listApps, "GET", {
        as: w.owner,
        query: { team: w.team.slug, limit: "2", ...(cursor ? { cursor } : {}) },
      });
      seen.push(...page.body.items.map((a) => a.appId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("rejects a bad filter or limit naming the field, and needs a session", async () => {
    const user = await makeUser();
    const bad = await call(listApps, "GET", { as: user, query: { filter: "everything", limit: "0" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["filter", "limit"]);
    expect((await call(listApps, "GET")).status).toBe(401);
  });
});

describe("GET /api/apps/:appId", () => {
  it("returns the app with its people and the caller's permissions, or 404", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    const r = await call(getApp, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(r.status).toBe(200);
    expect(r.body.app).toMatchObject({
      appId: app.appId,
      owner: { email: w.owner.email },
      backup: { email: w.engineer.email },
      responder: { email: w.owner.email },
      ownerAway: false,
      permissions: { canClaim: false, canRelease: true, canTransfer: true, canChangeBackup: true },
    });
    const asOther = await call(getApp, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(asOther.body.app.permissions.canChangeBackup).toBe(false);
    const missing = await call(getApp, "GET", { as: w.owner, params: { appId: "no-such-app" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    expect((await call(getApp, "GET", { params: { appId: app.appId } })).status).toBe(401);
  });
});

describe("POST /api/apps", () => {
  it("lets a lead register an app in their team (201) and refuses a duplicate (409)", async () => {
    const w = await makeWorld();
    const body = { appId: `new-${uid()}`, name: "New service", team: w.team.slug, description: "does things" };
    const r = await call(registerApp, "POST", { as: w.lead, body });
    expect(r.status).toBe(201);
    expect(r.body.app).toMatchObject({ appId: body.appId, team: w.team.slug, owner: null, responder: null });
    const again = await call(registerApp, "POST", { as: w.admin, body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("app_exists");
  });

  it("refuses engineers and leads of another team (403) and changes nothing", async () => {
    const w = await makeWorld();
    const appId = `denied-${uid()}`;
    const body = { appId, name: "x", team: w.team.slug };
    expect((await call(registerApp, "POST", { as: w.engineer, body })).status).toBe(403);
    expect((await call(registerApp, "POST", { as: w.outsiderLead, body })).status).toBe(403);
    expect((await call(registerApp, "POST", { body })).status).toBe(401);
    expect(await db().app.count({ where: { appId } })).toBe(0);
  });

  it("names bad fields (422): appId format, unknown team, unknown keys", async () => {
    const w = await makeWorld();
    const r = await call(registerApp, "POST", { as: w.admin, body: { appId: "Bad Id!", name: "", team: w.team.slug } });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.error.fields).sort()).toEqual(["appId", "name"]);
    const team = await call(registerApp, "POST", { as: w.admin, body: { appId: `x-${uid()}`, name: "x", team: "no-such-team" } });
    expect(team.status).toBe(422);
    expect(team.body.error.fields).toHaveProperty("team");
    const extra = await call(registerApp, "POST", { as: w.admin, body: { appId: `x-${uid()}`, name: "x", team: w.team.slug, owner: "me" } });
    expect(extra.status).toBe(422);
    expect(extra.body.error.fields).toEqual({ owner: "is not a known field" });
  });
});

describe("directory and overview", () => {
  it("lists teams and users, and counts a team's apps by state", async () => {
    const w = await makeWorld();
    await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await makeApp(w.team.id);
    const away = await makeUser({ teamId: w.team.id });
    await db().user.update({ where: { id: away.id }, data: { awayUntil: new Date(Date.now() + 86_400_000) } });
    await makeApp(w.team.id, away.id);
    const t = await call(teams, "GET", { as: w.owner });
    expect(t.body.items).toEqual(expect.arrayContaining([{ slug: w.team.slug, name: w.team.name }]));
    const u = await call(users, "GET", { as: w.owner, query: { team: w.team.slug } });
    expect(u.body.items.map((x: { email: string }) => x.email)).toContain(w.engineer.email);
    const o = await call(overview, "GET", { as: w.owner });
    const row = o.body.teams.find((x: { slug: string }) => x.slug === w.team.slug);
    expect(row).toEqual({ slug: w.team.slug, name: w.team.name, apps: 3, owned: 2, unowned: 1, withBackup: 1, ownerAway: 1, unreachable: 1 });
    expect((await call(overview, "GET")).status).toBe(401);
  });
});

describe("directory errors", () => {
  it("needs a session for teams and users (401) and names a too-long search (422)", async () => {
    expect((await call(teams, "GET")).status).toBe(401);
    expect((await call(users, "GET")).status).toBe(401);
    const user = await makeUser();
    const r = await call(users, "GET", { as: user, query: { q: "x".repeat(101) } });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toHaveProperty("q");
  });
});
