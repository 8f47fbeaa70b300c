import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createGrafanaClient } from "@/lib/grafana/client";
import type { GrafanaRuntime } from "@/lib/grafana/server";
import { appRuleUid, folderUid } from "@/lib/grafana/uids";
import { enqueue } from "@/lib/outbox/enqueue";
import { RETRY_CAP_MS, RUNNING_LEASE_MS } from "@/lib/grafana-sync/backoff";
import { drainOutbox } from "@/lib/grafana-sync/drain";
import { chunks, mapLimit } from "@/lib/grafana-sync/plan";
import { claimDueTasks } from "@/lib/grafana-sync/tasks";
import { startGrafanaContractServer, type GrafanaContractServer } from "@/test/grafana/contract-server";
import { makeTeam, makeUser, uid } from "./support/world";

// Outages, killed workers, concurrent replicas and changes racing a push: nothing is lost,
// nothing is applied twice, the latest thresholds win, and the calls stay batched per team.

let srv: GrafanaContractServer;
const runtime = (timeoutMs: number): GrafanaRuntime => ({
  settings: {
    url: srv.url, token: srv.token, datasourceUid: "prometheus", queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
    groupIntervalSeconds: 60, provenance: "locked", portalUrl: "https://portal.example.com",
  },
  client: createGrafanaClient({ url: srv.url, token: srv.token, timeoutMs }),
});
let grafana: GrafanaRuntime;

beforeAll(async () => {
  srv = await startGrafanaContractServer();
  grafana = runtime(5_000);
});
afterAll(() => srv.close());
beforeEach(() => db().outboxTask.deleteMany({}));
afterEach(() => srv.failures.clear());

type AppRef = { id: string; appId: string; team: string };

/** `count` apps spread over `teams` teams, each team with 3 owners (bulk insert: setup only). */
async function makeFleet(count: number, teams: number): Promise<AppRef[]> {
  const apps: AppRef[] = [];
  for (let t = 0; t < teams; t++) {
    const team = await makeTeam();
    const owners = await Promise.all([0, 1, 2].map(() => makeUser({ teamId: team.id })));
    const tag = uid();
    const rows = Array.from({ length: Math.ceil(count / teams) }, (_, i) => ({ appId: `fleet-${tag}-${String(i).padStart(4, "0")}`, name: "fleet app", teamId: team.id }));
    await db().app.createMany({ data: rows });
    const created = await db().app.findMany({ where: { teamId: team.id }, select: { id: true, appId: true } });
    await db().ownership.createMany({ data: created.map((a, i) => ({ appRef: a.id, ownerId: owners[i % 3]?.id ?? "" })) });
    apps.push(...created.map((a) => ({ ...a, team: team.slug })));
  }
  return apps.slice(0, count);
}

/** One threshold change as the portal writes it: new version + outbox task in one transaction. */
async function setFloor(app: AppRef, floorRps: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const last = await tx.thresholdVersion.findFirst({ where: { appRef: app.id }, orderBy: { version: "desc" }, select: { version: true } });
    await tx.thresholdVersion.create({
      data: { appRef: app.id, version: (last?.version ?? 0) + 1, floorRps, forDuration: "5m", severity: "warning", enabled: true, reason: "test" },
    });
    await enqueue(tx, "grafana.app", [app.appId]);
  });
}

/** Changes of many apps, ten per transaction (each transaction: new versions + their tasks). */
async function setFloors(apps: AppRef[], floorRps: number): Promise<void> {
  await mapLimit(chunks(apps, 10), 2, (slice) =>
    db().$transaction(async (tx) => {
      for (const app of slice) {
        const last = await tx.thresholdVersion.findFirst({ where: { appRef: app.id }, orderBy: { version: "desc" }, select: { version: true } });
        await tx.thresholdVersion.create({
          data: { appRef: app.id, version: (last?.version ?? 0) + 1, floorRps, forDuration: "5m", severity: "warning", enabled: true, reason: "test" },
        });
      }
      await enqueue(tx, "grafana.app", slice.map((a) => a.appId));
    }),
  );
}

/** Setup only: version 1 for many apps and their tasks in one transaction. */
async function setAllFloors(apps: AppRef[], floorRps: number): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.thresholdVersion.createMany({
      data: apps.map((a) => ({ appRef: a.id, version: 1, floorRps, forDuration: "5m", severity: "warning", enabled: true, reason: "setup" })),
    });
    await enqueue(tx, "grafana.app", apps.map((a) => a.appId));
  }, { timeout: 120_000 });
}

const liveFloor = (appId: string): number | undefined => {
  const params = srv.state.rules.get(appRuleUid(appId))?.data.find((q) => q.refId === "C")?.model.conditions as { evaluator: { params: number[] } }[] | undefined;
  return params?.[0]?.evaluator.params[0];
};
const later = (ms: number) => new Date(Date.now() + ms);

describe("drainOutbox under failure", () => {
  it("loses nothing while Grafana answers 5xx during 1,000 changes; the latest floor of each app lands, batched per team", { timeout: 180_000 }, async () => {
    const apps = await makeFleet(1000, 3);
    await setAllFloors(apps, 10);
    expect(await drainOutbox({ grafana })).toMatchObject({ claimed: 1000, ok: 1000 });

    srv.failures.set({ mode: "5xx", status: 503 });
    await setFloors(apps, 20);
    const outageAt = new Date();
    const down = await drainOutbox({ grafana, now: outageAt });
    expect(down).toMatchObject({ claimed: 1000, ok: 0, retry: 1000, failed: 0 });
    expect(await db().outboxTask.count({ where: { status: "pending", attempts: 1, lastError: { not: null } } })).toBe(1000);
    // backing off: nothing is due right away
    expect((await drainOutbox({ grafana, now: outageAt })).claimed).toBe(0);
    // more changes while still down: they re-arm the same rows (coalescing), never duplicate them
    const latest = new Map(apps.map((a) => [a.appId, 20]));
    const again = apps.filter((_, i) => i % 7 === 0);
    await setFloors(again, 40);
    for (const a of again) latest.set(a.appId, 40);
    expect(await db().outboxTask.count()).toBe(1000);

    srv.failures.clear();
    srv.resetLog();
    const back = await drainOutbox({ grafana, now: later(RETRY_CAP_MS + 60_000) });
    expect(back).toMatchObject({ claimed: 1000, ok: 1000, done: 1000 });
    expect(await db().outboxTask.count()).toBe(0);
    expect(apps.filter((a) => liveFloor(a.appId) !== latest.get(a.appId))).toEqual([]);
    // 3 teams: one folder GET and one group PUT each, plus the routing reads: not 1,000 calls
    expect(srv.callCount({ method: "PUT", pathPrefix: "/api/v1/provisioning/folder/" })).toBe(3);
    expect(srv.callCount({ pathPrefix: "/api/v1/provisioning/alert-rules" })).toBe(0);
    expect(srv.callCount()).toBeLessThanOrEqual(10);
  });

  it("treats timeouts as retryable and delivers once Grafana answers again", async () => {
    const apps = await makeFleet(30, 2);
    await mapLimit(apps, 4, (a) => setFloor(a, 15));
    srv.failures.set({ mode: "timeout" });
    const down = await drainOutbox({ grafana: runtime(300) });
    expect(down).toMatchObject({ claimed: 30, retry: 30, ok: 0 });
    expect(await db().outboxTask.count({ where: { lastError: { contains: "no answer" } } })).toBe(30);

    srv.failures.clear();
    await drainOutbox({ grafana, now: later(RETRY_CAP_MS + 60_000) });
    expect(apps.every((a) => liveFloor(a.appId) === 15)).toBe(true);
    expect(await db().outboxTask.count()).toBe(0);
  });

  it("resumes the tasks of a worker killed mid-sync after the lease, without duplicates", async () => {
    const apps = await makeFleet(40, 2);
    await mapLimit(apps, 4, (a) => setFloor(a, 11));
    // a worker claims everything and dies before pushing
    const abandoned = await claimDueTasks(db(), new Date(), 1000, RUNNING_LEASE_MS);
    expect(abandoned).toHaveLength(40);

    expect((await drainOutbox({ grafana })).claimed).toBe(0); // still leased: nobody doubles it
    srv.resetLog();
    const resumed = await drainOutbox({ grafana, now: later(RUNNING_LEASE_MS + 1_000) });
    expect(resumed).toMatchObject({ claimed: 40, ok: 40, done: 40 });
    expect(await db().outboxTask.count()).toBe(0);
    expect(srv.callCount({ method: "PUT", pathPrefix: "/api/v1/provisioning/folder/" })).toBe(2);
    for (const team of new Set(apps.map((a) => a.team))) {
      const inFolder = [...srv.state.rules.values()].filter((r) => r.folderUID === folderUid(team));
      expect(inFolder).toHaveLength(apps.filter((a) => a.team === team).length + 1); // + the team's detection rule
    }
  });

  it("never lets two replicas process the same task", async () => {
    const apps = await makeFleet(120, 3);
    await mapLimit(apps, 4, (a) => setFloor(a, 13));
    const [a, b] = await Promise.all([drainOutbox({ grafana }), drainOutbox({ grafana })]);
    expect((a?.claimed ?? 0) + (b?.claimed ?? 0)).toBe(120);
    expect(await db().outboxTask.count()).toBe(0);
    expect(apps.every((x) => liveFloor(x.appId) === 13)).toBe(true);
  });

  it("keeps a change that arrives while its team is being pushed, and pushes it next", async () => {
    const [app] = await makeFleet(1, 1);
    if (!app) throw new Error("no app");
    await setFloor(app, 1);
    // the team's push is held at its first call (the folder PUT) until the change has committed
    srv.failures.set({ mode: "hold", paths: ["/api/v1/provisioning/folder/"], count: 1 });
    const draining = drainOutbox({ grafana });
    await srv.failures.held();
    await setFloor(app, 2); // committed while the push is in flight
    srv.failures.release();
    expect(await draining).toMatchObject({ claimed: 1, ok: 1, done: 0 });
    expect(await db().outboxTask.count({ where: { subject: app.appId, status: "pending" } })).toBe(1);

    await drainOutbox({ grafana });
    expect(liveFloor(app.appId)).toBe(2);
    expect(await db().outboxTask.count()).toBe(0);
  });
});
