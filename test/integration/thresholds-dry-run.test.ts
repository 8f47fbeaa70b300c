import { describe, expect, it } from "vitest";
import { POST as dryRun } from "@/app/api/apps/[appId]/thresholds/dry-run/route";
import { writeSamples } from "@/lib/traffic/write";
import { call } from "./support/http";
import { makeApp, makeWorld } from "./support/world";

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
const body = { floorRps: 10, for: "5m", severity: "critical", enabled: true };

async function insertTraffic(appRef: string, start: number, stepMs: number, values: number[]) {
  await writeSamples(values.map((value, i) => ({ appRef, ts: start + i * stepMs, value })));
}

describe("POST /api/apps/:appId/thresholds/dry-run", () => {
  it("finds the firing intervals of a dip in the stored traffic, after holding for `for`", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    // two hours of minute samples ending before now; 15 minutes at 2 req/s from minute 30
    const base = Math.floor(Date.now() / M) * M - 3 * H;
    await insertTraffic(app.id, base, M, Array.from({ length: 120 }, (_, i) => (i >= 30 && i < 45 ? 2 : 100)));
    const r = await call(dryRun, "POST", { as: w.engineer, params: { appId: app.appId }, body });
    expect(r.status).toBe(200);
    // fires at the 5th breaching sample (minute 34) and ends at the first good one (minute 45)
    expect(r.body).toMatchObject({ wouldFire: true, samples: 120, firings: [{ start: base + 34 * M, end: base + 45 * M, reason: "floor", ongoing: false }] });
    expect(r.body.firings).toHaveLength(1);

    const longer = await call(dryRun, "POST", { as: w.engineer, params: { appId: app.appId }, body: { ...body, for: "20m" } });
    expect(longer.body).toMatchObject({ wouldFire: false, firings: [] });
    const ceiling = await call(dryRun, "POST", { as: w.engineer, params: { appId: app.appId }, body: { ...body, floorRps: 1, ceilingRps: 50, for: "1h" } });
    // 100 req/s is above a ceiling of 50: only the 75-minute run after the dip outlasts `for: 1h`
    expect(ceiling.body.firings).toEqual([{ start: base + 104 * M, end: base + 119 * M, reason: "ceiling", ongoing: true }]);
  });

  it("reports only the last 7 days, comparing with the week before for the weekly drop", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    // 14 days of hourly samples at 100 req/s; hour 60 (10 days ago) is down, and the last 3 hours
    // of day 12 run at 50 — half of the same hours a week earlier
    const start = Math.floor(Date.now() / H) * H - 14 * DAY;
    const values = Array.from({ length: 14 * 24 - 1 }, (_, i) => (i === 60 ? 0 : i >= 12 * 24 && i < 12 * 24 + 3 ? 50 : 100));
    await insertTraffic(app.id, start, H, values);
    const r = await call(dryRun, "POST", { as: w.owner, params: { appId: app.appId }, body: { ...body, maxWeeklyDropPercent: 30, for: "1h" } });
    expect(r.status).toBe(200);
    expect(r.body.firings).toEqual([{ start: start + 12 * DAY, end: start + 12 * DAY + 3 * H, reason: "weeklyDrop", ongoing: false }]);
    expect(r.body.samples).toBeGreaterThanOrEqual(7 * 24 - 2);
    expect(r.body.samples).toBeLessThanOrEqual(7 * 24 - 1);
  });

  it("says it would not fire for an app without stored traffic", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id);
    const r = await call(dryRun, "POST", { as: w.engineer, params: { appId: app.appId }, body });
    expect(r.body).toMatchObject({ wouldFire: false, firings: [], samples: 0 });
  });

  it("answers 422 naming the field (a reason is not part of a dry run), 401, 403 cross-site and 404", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    for (const [b, field] of [
      [{ ...body, for: "five minutes" }, "for"],
      [{ ...body, ceilingRps: 5 }, "ceilingRps"],
      [{ ...body, floorRps: -3 }, "floorRps"],
    ] as const) {
      const r = await call(dryRun, "POST", { as: w.owner, params: { appId: app.appId }, body: b });
      expect(r.status).toBe(422);
      expect(r.body.error.fields).toHaveProperty(field);
    }
    expect((await call(dryRun, "POST", { as: w.owner, params: { appId: app.appId }, body: { ...body, reason: "x" } })).status).toBe(422);
    expect((await call(dryRun, "POST", { params: { appId: app.appId }, body })).status).toBe(401);
    const crossSite = await call(dryRun, "POST", { as: w.owner, params: { appId: app.appId }, body, origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect((await call(dryRun, "POST", { as: w.owner, params: { appId: "no-such-app" }, body })).status).toBe(404);
  });
});
