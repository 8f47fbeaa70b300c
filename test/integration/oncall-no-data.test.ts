import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { writeSamples } from "@/lib/traffic/write";
import { SOURCE_DOWN_KEY } from "@/lib/notify/page";
import { startSmtp, startWebhook } from "./support/listeners";
import { STEP, floorThreshold, mailText, mailsTo, oncallTeam, seedTraffic, withContacts } from "./support/oncall";
import { makeApp, makeTeam, makeUser } from "./support/world";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe("no data is not zero", () => {
  const NOW = Date.UTC(2026, 10, 23, 3, 40);

  it("opens a no_data finding (not a crash, not a floor breach) when samples stop, and resolves it when they return", async () => {
    const hook = await startWebhook();
    const w = await oncallTeam({ owner: hook.url, backup: "http://127.0.0.1:9/x", lead: "http://127.0.0.1:9/x" });
    await seedTraffic(w.app.id, NOW, { days: 3, stopLast: 6 });
    await floorThreshold(w.app.id, 50);

    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    const open = await db().finding.findMany({ where: { appRef: w.app.id, status: "open" } });
    expect(open.map((f) => f.detector)).toEqual(["no_data"]);
    expect(open[0]?.explanation).toBe(`No samples from ${w.app.appId} since 03:10 (30 min); the sender may be down — this is missing data, not zero traffic.`);
    expect(hook.received).toHaveLength(1);
    expect((hook.received[0] as Body).text).toBe(`[WARNING] App ${w.app.appId}: no data`);
    expect(mailText(mailsTo(smtp.mails, w.owner.email)[0]?.raw ?? "")).toContain("the sender may be down");

    await writeSamples([1, 2].map((k) => ({ appRef: w.app.id, ts: NOW + k * STEP, value: 200 })), NOW);
    await runDetection({ appId: w.app.appId, now: new Date(NOW + 2 * STEP) });
    expect(await db().finding.count({ where: { appRef: w.app.id, status: "open" } })).toBe(0);
    expect(hook.received).toHaveLength(2);
    expect((hook.received[1] as Body).text).toBe("[RESOLVED] 1 finding resolved");
    await hook.close();
  });
});

describe("the fleet-wide guard", () => {
  // a time of its own, so only this test's apps count as "apps with recent traffic"
  const NOW = Date.UTC(2025, 2, 1, 3, 12);

  // the guard is fleet-wide: never leave it open for the test files that follow
  afterAll(async () => {
    await db().finding.updateMany({ where: { openKey: SOURCE_DOWN_KEY }, data: { status: "resolved", openKey: null, resolvedAt: new Date() } });
  });

  // two passes over every app in the database (the suites before this one make a thousand): slow on PostgreSQL
  it("opens one source_down finding for the admins when most apps stop together; the owners hear nothing; it resolves when they are back", { timeout: 600_000 }, async () => {
    const [ownerHook, adminHook] = await Promise.all([startWebhook(), startWebhook()]);
    const team = await makeTeam();
    const owner = await withContacts(await makeUser({ teamId: team.id, name: "owner" }), ownerHook.url);
    const admin = await withContacts(await makeUser({ role: "admin", name: "admin" }), adminHook.url);
    const apps = await Promise.all(Array.from({ length: 8 }, () => makeApp(team.id, owner.id)));
    for (const [i, app] of apps.entries()) await seedTraffic(app.id, NOW, { days: 2, stopLast: i < 6 ? 4 : 0, seed: 11 + i });

    // one pass over the whole fleet is one tick (other tests' apps have no samples this early: skipped)
    await runDetection({ now: new Date(NOW) });
    const source = await db().finding.findUnique({ where: { openKey: SOURCE_DOWN_KEY } });
    try {
      expect(source).toMatchObject({ detector: "source_down", severity: "critical", appRef: null });
      expect(source?.explanation).toMatch(/^6 of 8 apps stopped at 02:52 — likely the traffic source, not the apps\./);
      const perApp = await db().finding.findMany({ where: { appRef: { in: apps.map((a) => a.id) }, status: "open" } });
      expect(perApp).toHaveLength(6);
      expect(perApp.every((f) => f.detector === "no_data" && f.pageState === "covered" && f.coveredById === source?.id)).toBe(true);
      expect(ownerHook.received).toHaveLength(0);
      expect(adminHook.received).toHaveLength(1);
      expect((adminHook.received[0] as Body).portal.incidents[0]).toMatchObject({ appId: null, appName: "Traffic source", detectors: ["source_down"] });
      expect(mailsTo(smtp.mails, owner.email)).toHaveLength(0);
      expect(mailText(mailsTo(smtp.mails, admin.email)[0]?.raw ?? "")).toContain("6 of 8 apps stopped at 02:52");
    } finally {
      // the samples come back; the per-app findings resolve, then the guard's finding does
      for (const app of apps.slice(0, 6)) {
        await writeSamples([0, 1, 2, 3, 4].map((k) => ({ appRef: app.id, ts: NOW - 3 * STEP + k * STEP, value: 150 })), NOW);
      }
      await runDetection({ now: new Date(NOW + 2 * STEP) });
    }
    const after = await db().finding.findUniqueOrThrow({ where: { id: source?.id ?? "" } });
    expect(after.status).toBe("resolved");
    expect(await db().finding.count({ where: { openKey: SOURCE_DOWN_KEY } })).toBe(0);
    expect(adminHook.received).toHaveLength(2);
    expect(ownerHook.received).toHaveLength(0);
    await Promise.all([ownerHook.close(), adminHook.close()]);
  });
});
