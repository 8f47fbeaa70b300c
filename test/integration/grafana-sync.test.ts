import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as statusRoute } from "@/app/api/grafana/status/route";
import { POST as reconcileRoute } from "@/app/api/grafana/reconcile/route";
import { POST as retryRoute } from "@/app/api/grafana/retry/route";
import { GET as appSyncRoute } from "@/app/api/apps/[appId]/sync/route";
import { PUT as availability } from "@/app/api/me/availability/route";
import { db } from "@/lib/db/client";
import { resetEnv } from "@/lib/env";
import { createGrafanaClient } from "@/lib/grafana/client";
import { contactPointName } from "@/lib/grafana/names";
import type { GrafanaRuntime } from "@/lib/grafana/server";
import { appRuleUid, contactPointUid } from "@/lib/grafana/uids";
import { enqueue } from "@/lib/outbox/enqueue";
import { drainOutbox } from "@/lib/grafana-sync/drain";
import { reconcileGrafana } from "@/lib/grafana-sync/reconcile";
import { startGrafanaContractServer, type GrafanaContractServer } from "@/test/grafana/contract-server";
import { call } from "./support/http";
import { makeApp, makeWorld } from "./support/world";

// The sync worker end to end: real database (SQLite or PostgreSQL), real HTTP against the
// spec-validating contract Grafana (the only fake).

let srv: GrafanaContractServer;
let grafana: GrafanaRuntime;
const runtimeSlot = globalThis as unknown as { grafanaRuntime?: GrafanaRuntime | null };

beforeAll(async () => {
  srv = await startGrafanaContractServer();
  grafana = {
    settings: {
      url: srv.url, token: srv.token, datasourceUid: "prometheus", queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
      groupIntervalSeconds: 60, provenance: "locked", portalUrl: "https://portal.example.com",
    },
    client: createGrafanaClient({ url: srv.url, token: srv.token, timeoutMs: 2_000 }),
  };
});
afterAll(() => srv.close());
// Each test starts from an empty outbox so other tests' tasks never reach this Grafana.
beforeEach(async () => {
  await db().outboxTask.deleteMany({});
  runtimeSlot.grafanaRuntime = grafana; // what getGrafana() answers for the API routes
});
afterEach(() => {
  srv.failures.clear();
  delete runtimeSlot.grafanaRuntime;
});

/** A threshold change as the portal makes it: new version + outbox task, one transaction. */
async function setFloor(app: { id: string; appId: string }, floorRps: number, extra: { severity?: string; forDuration?: string } = {}) {
  await db().$transaction(async (tx) => {
    const last = await tx.thresholdVersion.findFirst({ where: { appRef: app.id }, orderBy: { version: "desc" } });
    await tx.thresholdVersion.create({
      data: {
        appRef: app.id, version: (last?.version ?? 0) + 1, floorRps, ceilingRps: null, maxWeeklyDropPercent: null,
        forDuration: extra.forDuration ?? "5m", severity: extra.severity ?? "critical", enabled: true, reason: "test",
      },
    });
    await enqueue(tx, "grafana.app", [app.appId]);
  });
}

const liveRule = (appId: string) => srv.state.rules.get(appRuleUid(appId));
const ownedRoutes = () => (srv.state.policies.routes ?? []).filter((r) => r.object_matchers?.some((m) => m[0] === "managed_by"));

describe("drainOutbox", () => {
  it("turns a threshold change into a labelled rule, a contact point and a route", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await setFloor(app, 12, { severity: "critical" });

    const r = await drainOutbox({ grafana });
    expect(r).toMatchObject({ claimed: 1, ok: 1, done: 1, retry: 0, failed: 0 });

    const rule = liveRule(app.appId);
    expect(rule?.labels).toEqual({
      app: app.appId, team: w.team.slug, owner: w.owner.email, responder: w.owner.email, severity: "critical", managed_by: "ownership-portal",
    });
    expect(JSON.stringify(rule?.data.find((q) => q.refId === "C")?.model)).toContain("[12]");
    expect(srv.state.contactPoints.get(contactPointUid(w.owner.email))).toMatchObject({ name: contactPointName(w.owner.email), type: "email" });
    expect(ownedRoutes()).toContainEqual(expect.objectContaining({ receiver: contactPointName(w.owner.email), continue: true }));
    expect(await db().outboxTask.count()).toBe(0);
    const state = await db().grafanaSyncState.findUniqueOrThrow({ where: { appRef: app.id } });
    expect(state).toMatchObject({ state: "synced", lastError: null });
    expect(await db().meta.findUnique({ where: { key: "grafana.lastSyncSuccess" } })).not.toBeNull();
  });

  it("moves the responder label and route to the backup within one sync when the owner goes away", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await setFloor(app, 5);
    await drainOutbox({ grafana });

    const away = await call(availability, "PUT", { as: w.owner, body: { awayUntil: new Date(Date.now() + 86_400_000).toISOString() } });
    expect(away.status).toBe(200);
    await drainOutbox({ grafana });

    expect(liveRule(app.appId)?.labels).toMatchObject({ owner: w.owner.email, responder: w.engineer.email });
    const receivers = ownedRoutes().map((r) => r.receiver);
    expect(receivers).toContain(contactPointName(w.engineer.email));
    expect(receivers).not.toContain(contactPointName(w.owner.email));
    // nobody routes to the owner any more: their contact point is gone too
    expect(srv.state.contactPoints.has(contactPointUid(w.owner.email))).toBe(false);
  });

  it("follows an absence that starts on its own (no portal write at that moment)", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await setFloor(app, 5);
    const start = new Date(Date.now() + 60_000);
    await db().user.update({ where: { id: w.owner.id }, data: { awayFrom: start, awayUntil: new Date(start.getTime() + 86_400_000) } });
    await drainOutbox({ grafana });
    expect(liveRule(app.appId)?.labels?.responder).toBe(w.owner.email);

    await drainOutbox({ grafana, now: new Date(start.getTime() + 1_000) });
    expect(liveRule(app.appId)?.labels?.responder).toBe(w.engineer.email);
    // leave no absence behind for tests that drain at a later "now"
    await db().user.update({ where: { id: w.owner.id }, data: { awayFrom: null, awayUntil: null } });
  });

  it("updates a person's contact point when their notification settings change", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 5);
    await drainOutbox({ grafana });
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: w.owner.id }, data: { notifyWebhook: "https://hooks.example.com/owner" } });
      await enqueue(tx, "grafana.contact", [w.owner.email]);
    });
    await drainOutbox({ grafana });
    expect(srv.state.contactPoints.get(contactPointUid(w.owner.email))).toMatchObject({ type: "webhook", settings: { url: "https://hooks.example.com/owner" } });
  });

  it("marks a task failed on a non-retryable answer; Retry re-arms it and it lands", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 7);
    srv.failures.set({ mode: "5xx", status: 400, paths: ["/api/v1/provisioning/folder/"] });
    const r = await drainOutbox({ grafana });
    expect(r).toMatchObject({ failed: 1, ok: 0 });
    const sync = await call(appSyncRoute, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(sync.body).toMatchObject({ state: "failed", lastError: expect.stringContaining("400") });

    srv.failures.clear();
    expect((await call(retryRoute, "POST", { as: w.engineer })).status).toBe(403);
    const retried = await call(retryRoute, "POST", { as: w.admin });
    expect(retried.body).toEqual({ rearmed: 1 });
    await drainOutbox({ grafana });
    expect((await call(appSyncRoute, "GET", { as: w.engineer, params: { appId: app.appId } })).body).toMatchObject({ state: "synced", lastError: null });
  });

  it("removes the rule of an app that was deleted", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 7);
    await drainOutbox({ grafana });
    await db().$transaction(async (tx) => {
      await tx.app.delete({ where: { id: app.id } });
      await enqueue(tx, "grafana.app", [app.appId]);
    });
    await drainOutbox({ grafana });
    expect(liveRule(app.appId)).toBeUndefined();
    expect(await db().outboxTask.count()).toBe(0);
  });
});

describe("reconcileGrafana", () => {
  // Other tests left apps with thresholds in this database: bring this Grafana in line first.
  beforeAll(() => reconcileGrafana({ grafana, repair: true }), 180_000);

  it("reports a rule edited in Grafana, records the drift, and repair puts it back", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 9, { forDuration: "5m" });
    await drainOutbox({ grafana });
    const rule = liveRule(app.appId);
    if (!rule) throw new Error("rule missing");
    srv.state.rules.set(rule.uid, { ...rule, for: "30m", labels: { ...rule.labels, severity: "info" } });

    const report = await reconcileGrafana({ grafana, repair: false });
    const mine = report.drift.find((d) => d.appId === app.appId);
    expect(mine).toMatchObject({ kind: "changed", team: w.team.slug });
    expect(mine?.changes.map((c) => c.path).sort()).toEqual(["for", "labels.severity"]);
    expect(liveRule(app.appId)?.for).toBe("30m"); // report only

    const status = await call(statusRoute, "GET", { as: w.admin });
    expect(status.status).toBe(200);
    expect(status.body.drift).toContainEqual(expect.objectContaining({ appId: app.appId, detectedAt: expect.any(String) }));
    expect((await call(appSyncRoute, "GET", { as: w.engineer, params: { appId: app.appId } })).body.drift.diff.kind).toBe("changed");

    const repaired = await call(reconcileRoute, "POST", { as: w.admin, body: { repair: true } });
    expect(repaired.status).toBe(200);
    expect(repaired.body).toMatchObject({ configured: true, repaired: true });
    expect(liveRule(app.appId)).toMatchObject({ for: "5m", labels: expect.objectContaining({ severity: "critical" }) });
    const after = await reconcileGrafana({ grafana, repair: false });
    expect(after.drift.find((d) => d.appId === app.appId)).toBeUndefined();
    expect((await db().grafanaSyncState.findUniqueOrThrow({ where: { appRef: app.id } })).driftDiff).toBeNull();
  });

  it("finds a rule deleted in Grafana as missing and recreates it with GRAFANA_DRIFT_REPAIR=auto", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 3);
    await drainOutbox({ grafana });
    srv.state.rules.delete(appRuleUid(app.appId));
    const reported = await reconcileGrafana({ grafana });
    expect(reported).toMatchObject({ inSync: false, repaired: false });
    expect(liveRule(app.appId)).toBeUndefined();

    process.env.GRAFANA_DRIFT_REPAIR = "auto";
    resetEnv();
    try {
      const report = await reconcileGrafana({ grafana });
      expect(report.drift.find((d) => d.appId === app.appId)?.kind).toBe("missing");
      expect(report.repaired).toBe(true);
    } finally {
      delete process.env.GRAFANA_DRIFT_REPAIR;
      resetEnv();
    }
    expect(liveRule(app.appId)).toBeDefined();
  });
});

describe("Grafana admin API", () => {
  it("lists pending and failed tasks for admins only", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 4);
    const r = await call(statusRoute, "GET", { as: w.admin });
    expect(r.body).toMatchObject({ configured: true, failed: [], counts: { pending: 1 } });
    expect(r.body.pending).toEqual([expect.objectContaining({ kind: "grafana.app", subject: app.appId, attempts: 0, lastError: null })]);
    expect((await call(statusRoute, "GET", { as: w.lead })).status).toBe(403);
    expect((await call(statusRoute, "GET", {})).status).toBe(401);
  });

  it("says not configured without GRAFANA_URL, and keeps the tasks", async () => {
    runtimeSlot.grafanaRuntime = null;
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await setFloor(app, 4);
    expect((await call(statusRoute, "GET", { as: w.admin })).body.configured).toBe(false);
    expect((await call(appSyncRoute, "GET", { as: w.engineer, params: { appId: app.appId } })).body.state).toBe("not_configured");
    expect((await call(reconcileRoute, "POST", { as: w.admin, body: {} })).status).toBe(409);
    expect(await drainOutbox()).toMatchObject({ configured: false, claimed: 0 });
    expect(await db().outboxTask.count()).toBe(1);
  });

  it("validates the reconcile body and answers 404 for an unknown app", async () => {
    const w = await makeWorld();
    expect((await call(reconcileRoute, "POST", { as: w.admin, body: { repair: "yes" } })).status).toBe(422);
    expect((await call(appSyncRoute, "GET", { as: w.engineer, params: { appId: "no-such-app" } })).status).toBe(404);
  });
});
