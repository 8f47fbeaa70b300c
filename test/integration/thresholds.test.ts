import { describe, expect, it } from "vitest";
import { GET as getThresholds, PUT as putThresholds } from "@/app/api/apps/[appId]/thresholds/route";
import { GET as history } from "@/app/api/apps/[appId]/thresholds/history/route";
import { POST as rollback } from "@/app/api/apps/[appId]/thresholds/rollback/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeWorld, tokenFor, type TestUser } from "./support/world";

const body = { floorRps: 10, ceilingRps: 500, maxWeeklyDropPercent: 40, for: "5m", severity: "critical", enabled: true, reason: "first cut" };
const tasksFor = (appId: string) => db().outboxTask.findMany({ where: { kind: "grafana.app", subject: appId } });
const put = (as: TestUser | { token: string } | null, appId: string, b: unknown) => call(putThresholds, "PUT", { as, params: { appId }, body: b });

describe("PUT /api/apps/:appId/thresholds", () => {
  it("saves version 1, audits it and queues a Grafana sync in the same transaction", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const r = await put(w.owner, app.appId, body);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      version: 1,
      thresholds: { version: 1, floorRps: 10, ceilingRps: 500, maxWeeklyDropPercent: 40, for: "5m", severity: "critical", enabled: true, reason: "first cut", author: { email: w.owner.email } },
    });
    const events = await db().auditEvent.findMany({ where: { appRef: app.id, action: "thresholds.changed" } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]?.after ?? "null")).toMatchObject({ version: 1, floorRps: 10 });
    expect(events[0]?.reason).toBe("first cut");
    expect(await tasksFor(app.appId)).toHaveLength(1);
  });

  it("lets the backup, the team's lead and an admin (by API token) save the next versions", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    expect((await put(w.engineer, app.appId, body)).body.version).toBe(1);
    expect((await put(w.lead, app.appId, { ...body, floorRps: 5, reason: "quiet nights" })).body.version).toBe(2);
    const r = await put({ token: await tokenFor(w.admin) }, app.appId, { floorRps: 1, for: "10m", severity: "info", enabled: false, reason: "maintenance" });
    expect(r.status).toBe(200);
    expect(r.body.thresholds).toMatchObject({ version: 3, ceilingRps: null, maxWeeklyDropPercent: null, enabled: false });
  });

  it("answers 422 naming each bad field, and for a save that changes nothing", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const cases: [unknown, string][] = [
      [{ ...body, floorRps: -1 }, "floorRps"],
      [{ ...body, floorRps: 600 }, "ceilingRps"],
      [{ ...body, maxWeeklyDropPercent: 0 }, "maxWeeklyDropPercent"],
      [{ ...body, for: "5 minutes" }, "for"],
      [{ ...body, severity: "page-everyone" }, "severity"],
      [{ ...body, reason: "" }, "reason"],
    ];
    for (const [b, field] of cases) {
      const r = await put(w.owner, app.appId, b);
      expect(r.status, field).toBe(422);
      expect(r.body.error.code).toBe("validation_failed");
      expect(Object.keys(r.body.error.fields)).toEqual([field]);
    }
    expect((await put(w.owner, app.appId, body)).status).toBe(200);
    const same = await put(w.owner, app.appId, { ...body, reason: "again" });
    expect(same.status).toBe(422);
    expect(same.body.error.message).toMatch(/Nothing to save/);
    const bad = await call(putThresholds, "PUT", { as: w.owner, params: { appId: app.appId }, rawBody: "{nope" });
    expect(bad.status).toBe(400);
    expect(await db().thresholdVersion.count({ where: { appRef: app.id } })).toBe(1);
  });

  it("answers 401 anonymously, 403 with a readable message for others, 404 for an unknown app", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    expect((await put(null, app.appId, body)).status).toBe(401);
    for (const who of [w.engineer, w.outsiderLead]) {
      const r = await put(who, app.appId, body);
      expect(r.status).toBe(403);
      expect(r.body.error.message).toBe(`Only the owner or backup of ${app.appId}, a lead of ${w.team.slug} or an admin can change its thresholds`);
    }
    expect((await put(w.admin, "no-such-app", body)).status).toBe(404);
    expect(await db().thresholdVersion.count({ where: { appRef: app.id } })).toBe(0);
    expect(await tasksFor(app.appId)).toHaveLength(0);
  });

  it("answers 409 when saving on top of a version that is no longer the latest", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await put(w.owner, app.appId, body);
    await put(w.owner, app.appId, { ...body, floorRps: 12, baseVersion: 1 });
    const stale = await put(w.lead, app.appId, { ...body, floorRps: 20, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else meanwhile/);
    const ahead = await put(w.lead, app.appId, { ...body, baseVersion: 7 });
    expect(ahead.status).toBe(409);
    expect(await db().thresholdVersion.count({ where: { appRef: app.id } })).toBe(2);
    expect(await db().auditEvent.count({ where: { appRef: app.id, action: "thresholds.changed" } })).toBe(2);
  });
});

describe("concurrent threshold saves", () => {
  it("lets exactly one of 10 parallel saves on the same version win; the others get 409 and leave no trace", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await put(w.owner, app.appId, body);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => put(i % 2 ? w.lead : w.owner, app.appId, { ...body, floorRps: i, baseVersion: 1, reason: `edit ${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    console.log(`[thresholds concurrency] ${process.env.INTEGRATION_DB ?? "sqlite"}: ${statuses.join(",")}`);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const rows = await db().thresholdVersion.findMany({ where: { appRef: app.id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    const winner = results.find((r) => r.status === 200);
    expect(rows[1]?.reason).toBe(winner?.body.thresholds.reason);
    expect(await db().auditEvent.count({ where: { appRef: app.id, action: "thresholds.changed" } })).toBe(2);
  });

  it("never gives two parallel saves without a base version the same number", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => put(w.owner, app.appId, { ...body, floorRps: i, reason: `edit ${i}` })));
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const won = results.filter((r) => r.status === 200).map((r) => r.body.version as number);
    expect(won.length).toBeGreaterThanOrEqual(1);
    expect(new Set(won).size).toBe(won.length);
    const rows = await db().thresholdVersion.findMany({ where: { appRef: app.id }, orderBy: { version: "asc" } });
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: won.length }, (_, i) => i + 1));
  });
});

describe("GET /api/apps/:appId/thresholds", () => {
  it("gives null before the first save and whether I may edit", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.lead.id);
    const none = await call(getThresholds, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ thresholds: null, canEdit: false });
    await put(w.owner, app.appId, body);
    await put(w.owner, app.appId, { ...body, for: "15m", reason: "less noise" });
    const r = await call(getThresholds, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(r.body).toEqual({
      canEdit: true,
      thresholds: {
        version: 2, floorRps: 10, ceilingRps: 500, maxWeeklyDropPercent: 40, for: "15m", severity: "critical", enabled: true,
        reason: "less noise", author: { email: w.owner.email, name: expect.any(String) }, createdAt: expect.any(String),
      },
    });
  });

  it("answers 401 anonymously and 404 for an unknown app", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    expect((await call(getThresholds, "GET", { params: { appId: app.appId } })).status).toBe(401);
    expect((await call(getThresholds, "GET", { as: w.engineer, params: { appId: "no-such-app" } })).status).toBe(404);
  });
});

describe("GET /api/apps/:appId/thresholds/history", () => {
  it("lists every version newest first with its diff against the previous one", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await put(w.owner, app.appId, body);
    await put(w.owner, app.appId, { ...body, floorRps: 25, ceilingRps: null, reason: "no ceiling" });
    const r = await call(history, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { version: number }) => i.version)).toEqual([2, 1]);
    expect(r.body.items[0]).toMatchObject({
      version: 2, reason: "no ceiling", rolledBackFrom: null, author: { email: w.owner.email },
      diff: [{ field: "floorRps", from: 10, to: 25 }, { field: "ceilingRps", from: 500, to: null }],
    });
    expect(r.body.items[1].diff).toContainEqual({ field: "for", from: null, to: "5m" });
  });

  it("answers 401 anonymously and 404 for an unknown app", async () => {
    const w = await makeWorld();
    expect((await call(history, "GET", { params: { appId: "whatever" } })).status).toBe(401);
    expect((await call(history, "GET", { as: w.owner, params: { appId: "no-such-app" } })).status).toBe(404);
  });
});

describe("POST /api/apps/:appId/thresholds/rollback", () => {
  it("restores an earlier version as a new one that says where it came from, audited and queued", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await put(w.owner, app.appId, body);
    await put(w.owner, app.appId, { ...body, floorRps: 50, severity: "warning", reason: "too quiet" });
    await db().outboxTask.deleteMany({ where: { subject: app.appId } });
    const r = await call(rollback, "POST", { as: w.engineer, params: { appId: app.appId }, body: { version: 1 } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 3, thresholds: { floorRps: 10, severity: "critical", reason: "Rolled back to version 1", author: { email: w.engineer.email } } });
    const h = await call(history, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(h.body.items[0]).toMatchObject({ version: 3, rolledBackFrom: 1, diff: [{ field: "floorRps", from: 50, to: 10 }, { field: "severity", from: "warning", to: "critical" }] });
    const event = await db().auditEvent.findFirst({ where: { appRef: app.id, action: "thresholds.rolled_back" } });
    expect(JSON.parse(event?.before ?? "null")).toMatchObject({ version: 2, floorRps: 50 });
    expect(await tasksFor(app.appId)).toHaveLength(1);
  });

  it("answers 422 for a bad version, 404 for an unknown version or app, 401 and 403", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await put(w.owner, app.appId, body);
    const bad = await call(rollback, "POST", { as: w.owner, params: { appId: app.appId }, body: { version: "one" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("version");
    const unknown = await call(rollback, "POST", { as: w.owner, params: { appId: app.appId }, body: { version: 9 } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/Version 9/);
    expect((await call(rollback, "POST", { as: w.owner, params: { appId: "no-such-app" }, body: { version: 1 } })).status).toBe(404);
    expect((await call(rollback, "POST", { params: { appId: app.appId }, body: { version: 1 } })).status).toBe(401);
    const denied = await call(rollback, "POST", { as: w.outsiderLead, params: { appId: app.appId }, body: { version: 1 } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/can change its thresholds/);
    expect(await db().thresholdVersion.count({ where: { appRef: app.id } })).toBe(1);
  });

  it("lets exactly one of parallel rollbacks become the next version; the rest get 409", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await put(w.owner, app.appId, body);
    await put(w.owner, app.appId, { ...body, floorRps: 3, reason: "second" });
    const results = await Promise.all(Array.from({ length: 5 }, () => call(rollback, "POST", { as: w.owner, params: { appId: app.appId }, body: { version: 1 } })));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const versions = (await db().thresholdVersion.findMany({ where: { appRef: app.id }, orderBy: { version: "asc" } })).map((r) => r.version);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    expect(versions.length - 2).toBe(statuses.filter((s) => s === 200).length);
  });
});
