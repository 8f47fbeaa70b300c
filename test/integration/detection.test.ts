import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/detection/run/route";
import { GET as findingsRoute } from "@/app/api/apps/[appId]/findings/route";
import { GET as myFindings } from "@/app/api/me/findings/route";
import { db } from "@/lib/db/client";
import { writeSamples } from "@/lib/traffic/write";
import { generateTraffic } from "@/lib/detection";
import { runDetection } from "@/lib/findings/run-detection";
import { deliverDue } from "@/lib/notify/deliver";
import { claimTick } from "@/lib/scheduler/lease";
import { call } from "./support/http";
import { startSmtp, startWebhook } from "./support/listeners";
import { makeApp, makeTeam, makeUser, makeWorld, tokenFor, uid } from "./support/world";

const STEP = 5 * 60_000;
const NOW = Date.UTC(2026, 10, 20, 15, 0);

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

// 10 days of seasonal 5-minute traffic ending at NOW; `crashLast` samples at the end are zero.
async function seedTraffic(appRef: string, crashLast = 0, seed = 7) {
  const days = 10;
  const n = (days * 86_400_000) / STEP;
  const s = generateTraffic({ seed, days, stepMs: STEP, start: NOW - (n - 1) * STEP, baseRps: 200, ...(crashLast ? { crash: { atSample: n - crashLast, samples: crashLast } } : {}) });
  await writeSamples(Array.from(s.values, (value, i) => ({ appRef, ts: s.start + i * STEP, value })));
}

async function ownedAppWithContacts(webhookUrl: string) {
  const team = await makeTeam();
  const owner = await makeUser({ teamId: team.id });
  await db().user.update({ where: { id: owner.id }, data: { notifyEmail: owner.email, notifyWebhook: webhookUrl } });
  const app = await makeApp(team.id, owner.id);
  return { team, owner, app };
}

describe("runDetection", () => {
  it("opens a crash finding within two samples, notifies the responder once by webhook and email, and resolves it", async () => {
    const hook = await startWebhook();
    const { owner, app } = await ownedAppWithContacts(hook.url);
    await seedTraffic(app.id, 2);

    const first = await runDetection({ appId: app.appId, now: new Date(NOW) });
    console.log(`[detection] first run: ${JSON.stringify(first)}`);
    const open = await db().finding.findMany({ where: { appRef: app.id, status: "open" } });
    const crash = open.find((f) => f.detector === "crash");
    expect(crash).toBeDefined();
    expect(crash?.severity).toBe("critical");
    expect(crash?.explanation).toMatch(/fell to/);
    expect(first.sent).toBeGreaterThanOrEqual(2);
    expect(hook.received).toHaveLength(1);
    expect(JSON.stringify(hook.received[0])).toContain("crash");
    // a receiver can drop repeats of an at-least-once delivery by this key (one per grouped message)
    const sent = hook.received[0] as { idempotency_key: string; portal: { idempotencyKey: string } };
    expect(sent.idempotency_key).toMatch(/^[0-9a-f]{32}$/);
    expect(sent.portal.idempotencyKey).toBe(sent.idempotency_key);
    expect(smtp.mails.filter((m) => m.to.includes(owner.email))).toHaveLength(1);

    // evaluating the same data again neither duplicates the finding nor sends again
    await runDetection({ appId: app.appId, now: new Date(NOW + 60_000) });
    expect(await db().finding.count({ where: { appRef: app.id, detector: "crash" } })).toBe(1);
    expect(hook.received).toHaveLength(1);

    // traffic comes back: the finding resolves and the responder hears that too
    await writeSamples([1, 2, 3].map((k) => ({ appRef: app.id, ts: NOW + k * STEP, value: 200 })));
    await runDetection({ appId: app.appId, now: new Date(NOW + 3 * STEP) });
    const resolved = await db().finding.findFirstOrThrow({ where: { appRef: app.id, detector: "crash" } });
    expect(resolved.status).toBe("resolved");
    expect(resolved.openKey).toBeNull();
    expect(hook.received).toHaveLength(2);
    expect(JSON.stringify(hook.received[1])).toContain("RESOLVED");
    await hook.close();
  });

  it("notifies the backup while the owner is away", async () => {
    const hook = await startWebhook();
    const team = await makeTeam();
    const owner = await makeUser({ teamId: team.id });
    const backup = await makeUser({ teamId: team.id });
    await db().user.update({ where: { id: owner.id }, data: { awayUntil: new Date(NOW + 86_400_000), notifyWebhook: "http://127.0.0.1:9/never" } });
    await db().user.update({ where: { id: backup.id }, data: { notifyWebhook: hook.url } });
    const app = await makeApp(team.id, owner.id, backup.id);
    await seedTraffic(app.id, 2, 11);
    await runDetection({ appId: app.appId, now: new Date(NOW) });
    const sent = await db().notification.findMany({ where: { finding: { appRef: app.id } } });
    expect(sent.map((n) => n.recipient)).toEqual([hook.url]);
    expect(hook.received).toHaveLength(1);
    await hook.close();
  });

  it("retries a failed webhook with backoff and sends it exactly once", async () => {
    const hook = await startWebhook(1);
    const { app } = await ownedAppWithContacts(hook.url);
    await db().user.updateMany({ where: { owned: { some: { appRef: app.id } } }, data: { notifyEmail: null } });
    await seedTraffic(app.id, 2, 13);
    await runDetection({ appId: app.appId, now: new Date(NOW) });
    const pending = await db().notification.findFirstOrThrow({ where: { finding: { appRef: app.id } } });
    expect(pending).toMatchObject({ status: "pending", attempts: 1, lastError: "failed (HTTP 5xx)" });
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await deliverDue(new Date(pending.nextAttemptAt.getTime() + 1));
    await deliverDue(new Date(pending.nextAttemptAt.getTime() + 2));
    const done = await db().notification.findUniqueOrThrow({ where: { id: pending.id }, include: { deliveries: { orderBy: { at: "asc" } } } });
    expect(done).toMatchObject({ status: "sent", attempts: 2 });
    // every attempt's outcome is kept
    expect(done.deliveries.map((d) => [d.outcome, d.error])).toEqual([["retry", "failed (HTTP 5xx)"], ["sent", null]]);
    expect(hook.received).toHaveLength(1);
    await hook.close();
  });

  it("opens an informational anomaly finding for a spike, without paging anyone", async () => {
    const hook = await startWebhook();
    const { app } = await ownedAppWithContacts(hook.url);
    const n = (10 * 86_400_000) / STEP;
    const s = generateTraffic({ seed: 5, days: 10, stepMs: STEP, start: NOW - (n - 1) * STEP, baseRps: 200, spike: { atSample: n - 3, samples: 3, factor: 4 } });
    await writeSamples(Array.from(s.values, (value, i) => ({ appRef: app.id, ts: s.start + i * STEP, value })));
    await runDetection({ appId: app.appId, now: new Date(NOW) });
    const anomaly = await db().finding.findFirst({ where: { appRef: app.id, detector: "anomaly", status: "open" } });
    expect(anomaly?.severity).toBe("info");
    expect(anomaly?.explanation).toMatch(/anomaly score/);
    // still open a few minutes later (held for an hour), and nobody was paged for it
    await runDetection({ appId: app.appId, now: new Date(NOW + 5 * 60_000) });
    expect(await db().finding.count({ where: { appRef: app.id, detector: "anomaly", status: "open" } })).toBe(1);
    expect(hook.received).toHaveLength(0);
    await hook.close();
  });

  it("stays quiet on healthy traffic", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    await seedTraffic(app.id, 0, 21);
    const r = await runDetection({ appId: app.appId, now: new Date(NOW) });
    expect(r.evaluated).toBe(1);
    const open = await db().finding.findMany({ where: { appRef: app.id, status: "open", severity: { in: ["critical", "warning"] } } });
    expect(open).toEqual([]);
    const signal = await db().appSignal.findUniqueOrThrow({ where: { appRef: app.id } });
    expect(signal.anomalyScore).toBeGreaterThanOrEqual(0);
    expect(signal.anomalyScore).toBeLessThanOrEqual(1);
    expect(signal.expected).toBeGreaterThan(0);
  });
});

describe("POST /api/detection/run and GET /api/apps/:appId/findings", () => {
  it("lets a lead or a token run detection; refuses an engineer (403); 404/422 on bad input", async () => {
    const w = await makeWorld();
    await db().user.update({ where: { id: w.owner.id }, data: { notifyWebhook: "http://127.0.0.1:9/secret-path", notifyEmail: w.owner.email } });
    const app = await makeApp(w.team.id, w.owner.id);
    await seedTraffic(app.id, 2, 31);
    expect((await call(runRoute, "POST", { as: w.engineer, body: { appId: app.appId } })).status).toBe(403);
    expect((await call(runRoute, "POST", { as: w.lead, body: { appId: "missing-app" } })).status).toBe(404);
    expect((await call(runRoute, "POST", { as: w.lead, body: { appId: 42 } })).status).toBe(422);
    expect((await call(runRoute, "POST", { body: {} })).status).toBe(401);
    // a token acts for its person: an engineer's token cannot start a run, a lead's can (not a read-only one)
    expect((await call(runRoute, "POST", { as: { token: await tokenFor(w.engineer) }, body: { appId: app.appId } })).status).toBe(403);
    expect((await call(runRoute, "POST", { as: { token: await tokenFor(w.lead, { scopes: ["read"] }) }, body: { appId: app.appId } })).status).toBe(403);
    const ok = await call(runRoute, "POST", { as: { token: await tokenFor(w.lead) }, body: { appId: app.appId } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ apps: 1, evaluated: 1 });

    const list = await call(findingsRoute, "GET", { as: w.engineer, params: { appId: app.appId }, query: { status: "open" } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { detector: string }) => f.detector)).toContain("crash");
    const crash = list.body.items.find((f: { detector: string }) => f.detector === "crash");
    expect(crash.notifications.map((n: { recipient: string }) => n.recipient).sort()).toEqual([w.owner.email, "webhook at 127.0.0.1:9"]);
    expect(list.body.items[0]).toEqual(expect.objectContaining({ status: "open", startedAt: expect.any(String), observed: expect.any(Number), expected: expect.any(Number), explanation: expect.any(String) }));
    expect((await call(findingsRoute, "GET", { as: w.engineer, params: { appId: app.appId }, query: { status: "closed" } })).status).toBe(422);
    // who was told, without leaking a webhook's secret path
    const hooked = await call(findingsRoute, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(JSON.stringify(hooked.body)).not.toContain("/secret-path");
    expect((await call(findingsRoute, "GET", { as: w.engineer, params: { appId: "missing-app" } })).status).toBe(404);
    expect((await call(findingsRoute, "GET", { params: { appId: app.appId } })).status).toBe(401);

    // "My apps": the owner sees the open crash of their app; someone else does not
    const mine = await call(myFindings, "GET", { as: w.owner });
    expect(mine.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ appId: app.appId, detector: "crash", severity: "critical" })]));
    expect((await call(myFindings, "GET", { as: w.engineer })).body.items).toEqual([]);
    expect((await call(myFindings, "GET")).status).toBe(401);
  });
});

describe("claimTick", () => {
  it("lets exactly one of many concurrent claimers run a slot", async () => {
    const job = `job-${uid()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => claimTick(job, NOW, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimTick(job, NOW + 60_000, 60_000)).toBe(true);
  });
});

describe("loadAppsForDetection", () => {
  it("reads more apps with thresholds than SQLite takes parameters in one query (999)", async () => {
    const { loadAppsForDetection } = await import("@/lib/findings/load-apps");
    const team = await makeTeam();
    const prefix = `many-${uid()}`;
    await db().app.createMany({ data: Array.from({ length: 1_200 }, (_, i) => ({ appId: `${prefix}-${String(i).padStart(4, "0")}`, name: "x", teamId: team.id })) });
    const apps = await db().app.findMany({ where: { teamId: team.id }, select: { id: true } });
    await db().thresholdVersion.createMany({
      data: apps.map((a) => ({ appRef: a.id, version: 1, floorRps: 5, forDuration: "5m", severity: "critical", enabled: true, reason: "bulk" })),
    });
    const loaded = (await loadAppsForDetection()).filter((a) => a.appId.startsWith(prefix));
    expect(loaded).toHaveLength(1_200);
    expect(loaded.every((a) => a.thresholdsForDetection?.floorRps === 5 && a.thresholdsForDetection.forSeconds === 300)).toBe(true);
  });

  // The loader reads with flat raw queries; what it returns must be what Prisma's nested select
  // (its previous implementation) returns: every column with its type (Date, boolean, null).
  it("returns what Prisma's nested select returns: contacts, the newest thresholds row, the open findings", async () => {
    const { loadAppsForDetection } = await import("@/lib/findings/load-apps");
    const { contactSelect } = await import("@/lib/ownership/views");
    const { detectionThresholds, settingsOf } = await import("@/lib/thresholds/view");
    const team = await makeTeam();
    const owner = await makeUser({ teamId: team.id });
    const backup = await makeUser({ teamId: team.id });
    await db().user.update({ where: { id: owner.id }, data: { notifyEmail: owner.email, awayFrom: new Date(NOW - 3_600_000), awayUntil: new Date(NOW + 3_600_000) } });
    await db().user.update({ where: { id: backup.id }, data: { notifyWebhook: "http://127.0.0.1:9/hook", active: false } });
    const both = await makeApp(team.id, owner.id, backup.id);
    const ownerOnly = await makeApp(team.id, owner.id);
    const orphan = await makeApp(team.id);
    // versions 1–3 (the newest off), an app with one version, none for the orphan
    for (const [version, enabled] of [[1, true], [3, false], [2, true]] as const) {
      await db().thresholdVersion.create({ data: { appRef: both.id, version, floorRps: version, ceilingRps: version === 2 ? 50 : null, forDuration: "10m", severity: "warning", enabled, reason: `v${version}`, authorId: owner.id } });
    }
    await db().thresholdVersion.create({ data: { appRef: ownerOnly.id, version: 1, floorRps: 7, maxWeeklyDropPercent: 40, forDuration: "5m", severity: "critical", enabled: true, reason: "v1", rolledBackFrom: 4 } });
    const finding = (appRef: string, detector: string, status: string) => db().finding.create({
      data: {
        appRef, detector, severity: "warning", status, openKey: status === "open" ? `${appRef}:${detector}` : null, startedAt: new Date(NOW - 600_000),
        resolvedAt: status === "open" ? null : new Date(NOW), observed: 1.5, expected: 20, bandLow: status === "open" ? 10 : null, bandHigh: 30, deviation: 0.9,
        windowFrom: new Date(NOW - 600_000), windowTo: new Date(NOW), explanation: "x", pageState: "paged", acknowledgedAt: new Date(NOW), acknowledgedById: owner.id,
      },
    });
    await finding(both.id, "crash", "open");
    await finding(both.id, "trend", "open");
    await finding(both.id, "anomaly", "resolved");
    await finding(orphan.id, "no_data", "open");
    const person = { select: contactSelect } as const;
    const prisma = async (appId?: string) => (await db().app.findMany({
      where: appId ? { appId } : { teamId: team.id },
      select: {
        id: true, appId: true, name: true,
        ownership: { select: { owner: person, backup: person } },
        thresholds: { orderBy: { version: "desc" }, take: 1 },
        findings: { where: { status: "open" } },
      },
      orderBy: { appId: "asc" },
    })).map((a) => ({
      ...a,
      findings: [...a.findings].sort((x, y) => (x.id < y.id ? -1 : 1)),
      thresholdsForDetection: a.thresholds[0] ? detectionThresholds(settingsOf(a.thresholds[0])) : null,
    }));
    const ids = new Set([both.id, ownerOnly.id, orphan.id]);
    const loaded = (await loadAppsForDetection()).filter((a) => ids.has(a.id));
    const expected = await prisma();
    expect(loaded).toEqual(expected);
    expect(loaded.find((a) => a.id === both.id)?.thresholds[0]?.version).toBe(3);
    expect(loaded.find((a) => a.id === both.id)?.findings.map((f) => f.detector).sort()).toEqual(["crash", "trend"]);
    expect(loaded.find((a) => a.id === both.id)?.ownership?.owner.awayFrom).toBeInstanceOf(Date);
    expect(loaded.find((a) => a.id === orphan.id)?.ownership).toBeNull();
    // one app by its appId
    for (const a of [both, ownerOnly, orphan]) expect(await loadAppsForDetection(a.appId)).toEqual(await prisma(a.appId));
    expect(await loadAppsForDetection(`missing-${uid()}`)).toEqual([]);
  });
});
