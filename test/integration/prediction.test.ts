import { describe, expect, it } from "vitest";
import { GET as predictionRoute } from "@/app/api/apps/[appId]/prediction/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { generateTraffic } from "@/lib/detection";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { parseExposition, select } from "@/lib/metrics/parse-exposition";
import { writeSamples } from "@/lib/traffic/write";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser, tokenFor } from "./support/world";

const STEP = 5 * 60_000;
const NOW = Date.UTC(2026, 10, 20, 15, 0);

// 10 days of quiet seasonal 5-minute traffic ending at NOW
async function seedQuiet(appRef: string) {
  const n = (10 * 86_400_000) / STEP;
  const s = generateTraffic({ seed: 11, days: 10, stepMs: STEP, start: NOW - (n - 1) * STEP, baseRps: 200, outlierRate: 0 });
  await writeSamples(Array.from(s.values, (value, i) => ({ appRef, ts: s.start + i * STEP, value })));
}

describe("prediction interval and calibration", () => {
  it("is written with the app's signal, answered by GET /api/apps/{appId}/prediction (read scope) and exported as per-app gauges", async () => {
    const team = await makeTeam();
    const owner = await makeUser({ teamId: team.id });
    const app = await makeApp(team.id, owner.id);

    // before any evaluation: nothing predicted yet
    const before = await call(predictionRoute, "GET", { as: owner, params: { appId: app.appId } });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ appId: app.appId, evaluatedAt: null, low: null, high: null, outsideShare: null, samples: 0, level: 0.99 });

    await seedQuiet(app.id);
    await runDetection({ appId: app.appId, now: new Date(NOW) });
    const signal = await db().appSignal.findUniqueOrThrow({ where: { appRef: app.id } });
    expect(signal.predLow).not.toBeNull();
    expect(signal.predLow as number).toBeLessThan(signal.expected);
    expect(signal.predHigh as number).toBeGreaterThan(signal.expected);
    // a week of 5-minute samples predicted from the learnt daily profile
    expect(signal.calibrationSamples).toBe(168 * 12);
    expect(signal.outsideShare as number).toBeGreaterThanOrEqual(0.002);
    expect(signal.outsideShare as number).toBeLessThanOrEqual(0.03);

    const reader = await tokenFor(owner, { scopes: ["read"] });
    const res = await call(predictionRoute, "GET", { as: { token: reader }, params: { appId: app.appId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      appId: app.appId, low: signal.predLow, high: signal.predHigh, expected: signal.expected, observed: signal.observed,
      outsideShare: signal.outsideShare, samples: 168 * 12, expectedOutsideShare: 0.01, level: 0.99,
    });
    expect(res.body.evaluatedAt).toBe(signal.evaluatedAt.toISOString());

    const m = await metrics(new Request("http://127.0.0.1:3000/api/metrics"), { params: Promise.resolve({}) });
    const samples = parseExposition(await m.text());
    const gauge = (name: string) => select(samples, name, { app_id: app.appId }).map((s) => s.value);
    expect(gauge("portal_app_traffic_prediction_low")).toEqual([signal.predLow]);
    expect(gauge("portal_app_traffic_prediction_high")).toEqual([signal.predHigh]);
    expect(gauge("portal_app_prediction_outside_ratio")).toEqual([signal.outsideShare]);
  });

  it("answers 404 for an unknown app and 401 without a session", async () => {
    const user = await makeUser();
    const missing = await call(predictionRoute, "GET", { as: user, params: { appId: "no-such-app" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const anon = await call(predictionRoute, "GET", { params: { appId: "no-such-app" } });
    expect(anon.status).toBe(401);
  });
});
