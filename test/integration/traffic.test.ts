import { describe, expect, it } from "vitest";
import { POST as push } from "@/app/api/traffic/route";
import { GET as traffic } from "@/app/api/apps/[appId]/traffic/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser, tokenFor } from "./support/world";

const MIN = 60_000;

describe("POST /api/traffic", () => {
  it("accepts good samples, reports each bad one by index, and changes nothing else", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const token = await tokenFor(await makeUser());
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
    expect(r.body.rejected[0]).toEqual({ index: 2, appId: "no-such-app", error: "unknown app no-such-app" });
    expect(r.body.rejected[1].error).toMatch(/value must not be negative/);
    expect(await db().trafficSample.count({ where: { appRef: app.id } })).toBe(2);
  });

  it("replaces a re-sent sample instead of duplicating it", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const token = await tokenFor(await makeUser());
    const ts = Date.UTC(2026, 10, 2);
    await call(push, "POST", { as: { token }, body: { samples: [{ appId: app.appId, ts, value: 1 }] } });
    await call(push, "POST", { as: { token }, body: { samples: [{ appId: app.appId, ts, value: 7 }] } });
    const rows = await db().trafficSample.findMany({ where: { appRef: app.id } });
    expect(rows.map((x) => x.value)).toEqual([7]);
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
    await db().trafficSample.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ appRef: app.id, ts: BigInt(t0 + i * MIN), value: i })),
    });
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
