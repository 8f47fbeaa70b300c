import { describe, expect, it } from "vitest";
import { POST as push } from "@/app/api/traffic/route";
import { GET as traffic } from "@/app/api/apps/[appId]/traffic/route";
import { db, sqliteConnection } from "@/lib/db/client";
import { loadHistory, trafficExtent } from "@/lib/traffic/history";
import { maintainTraffic } from "@/lib/traffic/retention";
import { writeSamples } from "@/lib/traffic/write";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser, tokenFor } from "./support/world";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const LEVELS = { rawDays: 3, fiveMinuteDays: 15, retentionDays: 35 };
const stored = async (appRef: string) => (await loadHistory(appRef, 0, Date.now() + DAY)).raw;

describe("POST /api/traffic", () => {
  it("accepts good samples, reports each bad one by index, and changes nothing else", async () => {
    const team = await makeTeam();
    const owner = await makeUser({ teamId: team.id });
    const app = await makeApp(team.id, owner.id);
    const token = await tokenFor(owner);
    const t0 = Date.UTC(2026, 10, 1, 12);
    const r = await call(push, "POST", {
      as: { token },
      body: {
        samples: [
          { appId: app.appId, ts: t0, value: 12.5 },
          { appId: app.appId, ts: new Date(t0 + MIN).toISOString(), value: 13 },
          { appId: "no-such-app", ts: t0, value: 1 },
          { appId: app.appId, ts: t0 + 2 * MIN, value: -1 },
          { appId: app.appId, ts: "yesterday", value: 1 },
          { appId: app.appId, value: 1 },
        ],
      },
    });
    expect(r.status).toBe(202);
    expect(r.body.accepted).toBe(2);
    expect(r.body.rejected.map((x: { index: number }) => x.index)).toEqual([2, 3, 4, 5]);
    expect(r.body.rejected[0]).toEqual({ index: 2, appId: "no-such-app", error: "unknown app" });
    expect(r.body.rejectedCount).toBe(4);
    expect(r.body.rejected[1].error).toMatch(/value must not be negative/);
    expect((await stored(app.id)).ts).toHaveLength(2);
  });

  it("replaces a re-sent sample instead of duplicating it", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const token = await tokenFor(await makeUser({ role: "lead", teamId: team.id }), { scopes: ["ingest"], team: team.slug });
    const ts = Date.UTC(2026, 10, 2);
    await call(push, "POST", { as: { token }, body: { samples: [{ appId: app.appId, ts, value: 1 }] } });
    await call(push, "POST", { as: { token }, body: { samples: [{ appId: app.appId, ts, value: 7 }] } });
    expect([...(await stored(app.id)).values]).toEqual([7]);
  });

  it("lets only those who edit an app push its traffic: owner, backup, team lead, admin, ingest tokens (403 for the rest, nothing written)", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const [owner, backup, engineer, lead, outsiderLead, admin] = await Promise.all([
      makeUser({ teamId: team.id }), makeUser({ teamId: team.id }), makeUser({ teamId: team.id }),
      makeUser({ role: "lead", teamId: team.id }), makeUser({ role: "lead", teamId: other.id }), makeUser({ role: "admin" }),
    ]);
    const app = await makeApp(team.id, owner.id, backup.id);
    const t0 = Date.UTC(2026, 10, 5);
    let k = 0;
    const sample = () => ({ samples: [{ appId: app.appId, ts: t0 + k++ * MIN, value: 5 }] });
    const count = async () => (await stored(app.id)).ts.length;
    const allowed = [owner, backup, lead, admin].map((u) => ({ as: u })).concat([
      { as: { token: await tokenFor(owner) } } as never,
      { as: { token: await tokenFor(admin, { scopes: ["ingest"] }) } } as never,
      { as: { token: await tokenFor(lead, { scopes: ["ingest"], team: team.slug }) } } as never,
    ]);
    for (const [i, who] of allowed.entries()) {
      const r = await call(push, "POST", { ...who, body: sample() });
      expect([i, r.status, r.body.accepted]).toEqual([i, 202, 1]);
    }
    const before = await count();
    const refused = [
      { as: engineer }, { as: outsiderLead }, { as: { token: await tokenFor(engineer) } },
      { as: { token: await tokenFor(owner, { scopes: ["read"] }) } },
      { as: { token: await tokenFor(admin, { scopes: ["ingest"], team: other.slug }) } },
    ];
    for (const [i, who] of refused.entries()) {
      const r = await call(push, "POST", { ...who, body: sample() });
      expect([i, r.status, r.body.error.code]).toEqual([i, 403, "forbidden"]);
    }
    expect(await count()).toBe(before);
  });

  it("needs a token or session (401) and a samples array (422)", async () => {
    expect((await call(push, "POST", { body: { samples: [] } })).status).toBe(401);
    const token = await tokenFor(await makeUser());
    const r = await call(push, "POST", { as: { token }, body: { samples: [] } });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toHaveProperty("samples");
    expect((await call(push, "POST", { as: { token }, body: { sample: [] } })).status).toBe(422);
  });
});

describe("GET /api/apps/:appId/traffic", () => {
  it("averages samples into step buckets for charts", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const user = await makeUser();
    const t0 = Date.UTC(2026, 10, 3, 0, 0);
    await writeSamples(Array.from({ length: 10 }, (_, i) => ({ appRef: app.id, ts: t0 + i * MIN, value: i })));
    const r = await call(traffic, "GET", {
      as: user,
      params: { appId: app.appId },
      query: { from: new Date(t0).toISOString(), to: new Date(t0 + 10 * MIN).toISOString(), step: "300" },
    });
    expect(r.status).toBe(200);
    expect(r.body.step).toBe(300);
    expect(r.body.points).toEqual([
      { t: t0, v: 2 },
      { t: t0 + 5 * MIN, v: 7 },
    ]);
  });

  it("answers 404 for an unknown app, 422 for a bad step or range, 401 anonymously", async () => {
    const user = await makeUser();
    const team = await makeTeam();
    const app = await makeApp(team.id);
    expect((await call(traffic, "GET", { as: user, params: { appId: "missing-app" } })).status).toBe(404);
    const bad = await call(traffic, "GET", { as: user, params: { appId: app.appId }, query: { step: "0" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("step");
    const reversed = await call(traffic, "GET", {
      as: user,
      params: { appId: app.appId },
      query: { from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" },
    });
    expect(reversed.status).toBe(422);
    expect((await call(traffic, "GET", { params: { appId: app.appId } })).status).toBe(401);
  });
});

describe("traffic levels: raw window, 5-minute and 1-hour rollups", () => {
  // 20 days of minute samples ending now: value = minute of the hour, so every 5-minute bucket
  // and every hour has a known count, sum, min and max
  async function twentyDays(now: number) {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const end = Math.floor(now / MIN) * MIN;
    const rows = Array.from({ length: 20 * 1440 }, (_, i) => {
      const ts = end - i * MIN;
      return { appRef: app.id, ts, value: (ts / MIN) % 60 };
    });
    await writeSamples(rows, now);
    return { app, rows };
  }

  it("moves old samples down the levels, keeping every sample counted once, and is idempotent", async () => {
    const now = Date.now();
    const { app, rows } = await twentyDays(now);
    const first = await maintainTraffic(now, LEVELS);
    expect(first.rolledRaw).toBeGreaterThan(17 * 1440 - 60); // the cut is at the hour
    const h = await loadHistory(app.id, 0, now + DAY);
    const rawCut = Math.floor(now / HOUR) * HOUR - 3 * DAY;
    expect(h.raw.ts[0]).toBeGreaterThanOrEqual(rawCut);
    const fiveMinute = [...h.rollups.spanMs].filter((s) => s === 5 * MIN).length;
    const hourly = [...h.rollups.spanMs].filter((s) => s === HOUR).length;
    expect(fiveMinute).toBe((12 * DAY) / (5 * MIN));
    expect(hourly).toBeGreaterThanOrEqual(5 * 24 - 1); // the oldest hour may be partial
    const count = [...h.rollups.count].reduce((a, b) => a + b, 0) + h.raw.ts.length;
    const sum = [...h.rollups.sum].reduce((a, b) => a + b, 0) + [...h.raw.values].reduce((a, b) => a + b, 0);
    expect(count).toBe(rows.length);
    expect(sum).toBe(rows.reduce((a, r) => a + r.value, 0));
    // a full hour bucket: minutes 0..59 of the hour
    const i = [...h.rollups.count].findIndex((c, k) => c === 60 && h.rollups.spanMs[k] === HOUR);
    expect([h.rollups.min[i], h.rollups.max[i], h.rollups.sum[i]]).toEqual([0, 59, (59 * 60) / 2]);

    const again = await maintainTraffic(now, LEVELS);
    expect([again.rolledRaw, again.rolledFiveMinute, again.deleted]).toEqual([0, 0, 0]);
    expect(await loadHistory(app.id, 0, now + DAY)).toEqual(h);

    // 20 days later everything is older than the retention window of the hourly level
    const later = await maintainTraffic(now + 36 * DAY, LEVELS);
    expect(later.deleted).toBeGreaterThan(0);
    expect(await trafficExtent([app.id])).toEqual(new Map());
  });

  it("refuses a sample for a bucket that is already rolled up, and still replaces within the raw window", async () => {
    const now = Date.now();
    const team = await makeTeam();
    const app = await makeApp(team.id);
    // the team's lead may push this (unowned) app's traffic
    const token = await tokenFor(await makeUser({ role: "lead", teamId: team.id }));
    const old = Math.floor((now - 5 * DAY) / HOUR) * HOUR;
    // backfill of a period never seen: accepted, then rolled up
    expect((await writeSamples([{ appRef: app.id, ts: old, value: 4 }], now)).written).toBe(1);
    await maintainTraffic(now, LEVELS);
    const r = await call(push, "POST", {
      as: { token },
      body: { samples: [{ appId: app.appId, ts: old, value: 9 }, { appId: app.appId, ts: now - MIN, value: 1 }] },
    });
    expect(r.body.accepted).toBe(1);
    expect(r.body.rejected).toEqual([{ index: 0, appId: app.appId, error: expect.stringMatching(/already rolled up/) }]);
    const h = await loadHistory(app.id, 0, now + DAY);
    expect([...h.rollups.sum]).toEqual([4]);
    expect([...h.rollups.count]).toEqual([1]);
  });

  it("charts a range across the levels as the mean of all samples per step", async () => {
    const now = Date.now();
    const { app } = await twentyDays(now);
    await maintainTraffic(now, LEVELS);
    const user = await makeUser();
    const r = await call(traffic, "GET", {
      as: user,
      params: { appId: app.appId },
      query: { from: new Date(now - 14 * DAY).toISOString(), to: new Date(now).toISOString(), step: "3600" },
    });
    expect(r.status).toBe(200);
    const full = r.body.points.slice(1, -1);
    expect(full.length).toBeGreaterThan(13 * 24);
    // every whole hour holds minutes 0..59: mean 29.5, whether raw, 5-minute or hourly
    for (const p of full) expect(p.v).toBeCloseTo(29.5, 9);
  });

  it("gives the pages of deleted rows back to the file system (SQLite)", async () => {
    const conn = await sqliteConnection();
    if (!conn) return; // PostgreSQL: autovacuum's business
    expect(Number(conn.pragma("auto_vacuum", { simple: true }))).toBe(2);
    const now = Date.now();
    await twentyDays(now);
    const s = await maintainTraffic(now, LEVELS);
    expect(s.vacuumedPages).toBeGreaterThan(0);
    expect(Number(conn.pragma("freelist_count", { simple: true }))).toBe(0);
  });
});
