import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as me } from "@/app/api/me/route";
import { GET as listSessions, DELETE as signOutEverywhere } from "@/app/api/me/sessions/route";
import { DELETE as signOutOne } from "@/app/api/me/sessions/[id]/route";
import { POST as createTokenRoute, GET as listTokensRoute } from "@/app/api/tokens/route";
import { GET as listApps } from "@/app/api/apps/route";
import { db } from "@/lib/db/client";
import { setPassword } from "@/lib/admin/accounts";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { assertNotThrottled, lockDurationMs, MAX_LOCK_MS, recordFailure, throttleKeys } from "@/lib/auth/throttle";
import { call } from "./support/http";
import { makeTeam, makeUser, tokenFor, uid } from "./support/world";

// cost 4: these tests sign in many times; the cost itself is not what they test
async function person(password = "right-password", data: { role?: string; teamId?: string } = {}) {
  const email = `sess-${uid()}@test.example`;
  const u = await db().user.create({ data: { email, name: "Session Test", passwordHash: await bcrypt.hash(password, 4), ...data } });
  return { id: u.id, email, password };
}

const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

async function signIn(email: string, password: string, headers: Record<string, string> = {}) {
  const r = await call(login, "POST", { body: { email, password }, headers: { "x-forwarded-for": address(), "user-agent": "vitest", ...headers } });
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { status: r.status, as: { id: "", email, cookie }, res: r };
}

describe("server-side sessions", () => {
  it("logout ends that session: the old cookie gets 401, another browser stays signed in", async () => {
    const p = await person();
    const a = await signIn(p.email, p.password);
    const b = await signIn(p.email, p.password);
    expect((await call(me, "GET", { as: a.as })).status).toBe(200);
    expect((await call(logout, "POST", { as: a.as })).status).toBe(204);
    const after = await call(me, "GET", { as: a.as });
    expect([after.status, after.body.error.code]).toEqual([401, "unauthorized"]);
    expect((await call(me, "GET", { as: b.as })).status).toBe(200);
  });

  it("lists my sessions, signs one out, and signs out everywhere", async () => {
    const p = await person();
    const a = await signIn(p.email, p.password);
    const b = await signIn(p.email, p.password);
    const list = await call(listSessions, "GET", { as: a.as });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ userAgent: "vitest", address: expect.stringMatching(/^203\.0\.113\./) });
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    // someone else cannot end my session
    const stranger = await makeUser();
    expect((await call(signOutOne, "DELETE", { as: stranger, params: { id: other.id } })).status).toBe(404);
    expect((await call(signOutOne, "DELETE", { as: a.as, params: { id: other.id } })).status).toBe(204);
    expect((await call(me, "GET", { as: b.as })).status).toBe(401);
    const c = await signIn(p.email, p.password);
    const all = await call(signOutEverywhere, "DELETE", { as: a.as });
    expect([all.status, all.body.ended]).toEqual([200, 2]);
    expect(all.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await call(me, "GET", { as: a.as })).status).toBe(401);
    expect((await call(me, "GET", { as: c.as })).status).toBe(401);
  });

  it("a password, role or team change ends every session of that person; revokeAllSessions does too", async () => {
    const team = await makeTeam();
    const p = await person("old-password-1", { teamId: team.id });
    let s = await signIn(p.email, p.password);
    await setPassword(p.email, "new-password-2");
    expect((await call(me, "GET", { as: s.as })).status).toBe(401);
    s = await signIn(p.email, "new-password-2");
    await db().user.update({ where: { id: p.id }, data: { role: "lead" } });
    expect((await call(me, "GET", { as: s.as })).status).toBe(401);
    s = await signIn(p.email, "new-password-2");
    await db().user.update({ where: { id: p.id }, data: { teamId: null } });
    expect((await call(listApps, "GET", { as: s.as })).status).toBe(401);
    s = await signIn(p.email, "new-password-2");
    expect(await revokeAllSessions(p.id)).toBe(1);
    expect((await call(me, "GET", { as: s.as })).status).toBe(401);
    // a cookie from before sessions were stored (no session id) is no session
    expect((await call(me, "GET", { as: { id: "", email: p.email, cookie: "portal_session=Fe26.2**not-a-seal" } })).status).toBe(401);
    expect((await call(me, "GET", { as: { id: "", email: p.email, cookie: "portal_session=%ZZ%E0" } })).status).toBe(401);
  });
});

describe("sign-in throttling", () => {
  it("after 10 failures: 429 too_many_attempts with Retry-After, even for the right password, from any address", async () => {
    const p = await person();
    const from = address();
    for (let i = 0; i < 10; i++) expect((await signIn(p.email, "wrong", { "x-forwarded-for": from })).status).toBe(401);
    const locked = await signIn(p.email, p.password, { "x-forwarded-for": address() });
    expect(locked.status).toBe(429);
    expect(locked.res.body.error.code).toBe("too_many_attempts");
    const retry = Number(locked.res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    expect(locked.res.headers.get("set-cookie")).toBeNull();
    // once the lock has run out the right password works and the count starts afresh
    await db().loginThrottle.updateMany({ where: { key: { in: throttleKeys(p.email, from) } }, data: { lockedUntil: BigInt(Date.now() - 1) } });
    expect((await signIn(p.email, p.password)).status).toBe(200);
    expect(await db().loginThrottle.count({ where: { key: `account:${p.email}` } })).toBe(0);
  });

  it("counts per client address across accounts (a spray), and a success elsewhere does not reset it", async () => {
    const from = address();
    const victims = await Promise.all(Array.from({ length: 10 }, () => person()));
    for (const v of victims) expect((await signIn(v.email, "wrong", { "x-forwarded-for": from })).status).toBe(401);
    const mine = await person();
    const r = await signIn(mine.email, mine.password, { "x-forwarded-for": from });
    expect(r.status).toBe(429);
    expect((await signIn(mine.email, mine.password)).status).toBe(200); // from elsewhere: fine
  });

  it("locks grow with repeated lockouts and never exceed an hour; counts from parallel failures are not lost", async () => {
    expect([0, 1, 2, 5, 6, 7, 30].map(lockDurationMs)).toEqual([60_000, 120_000, 240_000, 1_920_000, MAX_LOCK_MS, MAX_LOCK_MS, MAX_LOCK_MS]);
    const keys = [`account:grow-${uid()}@test.example`];
    let now = Date.UTC(2026, 11, 1);
    const locks: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 10; i++) await recordFailure(keys, now);
      const row = await db().loginThrottle.findUniqueOrThrow({ where: { key: keys[0]! } });
      locks.push(Number(row.lockedUntil) - now);
      const err = await assertNotThrottled(keys, now).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "too_many_attempts" });
      now = Number(row.lockedUntil) + 1;
      await assertNotThrottled(keys, now);
    }
    expect(locks).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, MAX_LOCK_MS, MAX_LOCK_MS]);
    const par = [`address:par-${uid()}`];
    await Promise.all(Array.from({ length: 9 }, () => recordFailure(par, now)));
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { key: par[0]! } })).failures).toBe(9);
  });
});

describe("token scopes", () => {
  it("creates read, write and ingest tokens, shows their scopes, and refuses what a person may not make", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const engineer = await makeUser({ teamId: team.id });
    const lead = await makeUser({ role: "lead", teamId: team.id });
    const admin = await makeUser({ role: "admin" });
    const plain = await call(createTokenRoute, "POST", { as: engineer, body: { name: "default" } });
    expect([plain.status, plain.body.scopes, plain.body.team]).toEqual([201, ["write"], null]);
    const read = await call(createTokenRoute, "POST", { as: engineer, body: { name: "dash", scopes: ["read"] } });
    expect(read.body.scopes).toEqual(["read"]);
    expect((await call(createTokenRoute, "POST", { as: engineer, body: { name: "x", scopes: ["ingest"] } })).status).toBe(403);
    expect((await call(createTokenRoute, "POST", { as: lead, body: { name: "x", scopes: ["ingest"], team: other.slug } })).status).toBe(403);
    const leadIngest = await call(createTokenRoute, "POST", { as: lead, body: { name: "collector", scopes: ["ingest"], team: team.slug } });
    expect([leadIngest.status, leadIngest.body.scopes, leadIngest.body.team]).toEqual([201, ["ingest"], team.slug]);
    expect((await call(createTokenRoute, "POST", { as: admin, body: { name: "all", scopes: ["ingest"] } })).status).toBe(201);
    for (const bad of [{ scopes: [] }, { scopes: ["admin"] }, { scopes: ["read", "read"] }, { scopes: ["read"], team: team.slug }, { scopes: ["ingest"], team: "no-such-team" }]) {
      const r = await call(createTokenRoute, "POST", { as: admin, body: { name: "bad", ...bad } });
      expect(r.status, JSON.stringify(bad)).toBe(422);
      expect(Object.keys(r.body.error.fields).join(), JSON.stringify(bad)).toMatch(/scopes|team/);
    }
    const listed = await call(listTokensRoute, "GET", { as: lead });
    expect(listed.body.items).toEqual([expect.objectContaining({ name: "collector", scopes: ["ingest"], team: team.slug })]);
    // a read token reads, and may not change anything; an ingest token may not even read
    expect((await call(listApps, "GET", { as: { token: read.body.token } })).status).toBe(200);
    expect((await call(createTokenRoute, "POST", { as: { token: read.body.token }, body: { name: "y" } })).status).toBe(403);
    expect((await call(listApps, "GET", { as: { token: leadIngest.body.token } })).status).toBe(403);
    expect((await call(listApps, "GET", { as: { token: await tokenFor(engineer) } })).status).toBe(200);
  });
});
