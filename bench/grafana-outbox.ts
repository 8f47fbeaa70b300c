// Benchmark: 10,000 apps change thresholds at once. How long until every change is in the
// contract Grafana through the real path (ThresholdVersion rows + outbox tasks in a scratch
// SQLite database → drainOutbox), and how many HTTP calls: batched drain (one rule-group PUT
// per team) versus the per-rule mode (one GET + PUT per rule).
//   npm run bench:outbox [-- --apps 2000 --teams 20]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { argValue } from "./args";
const APPS = argValue("apps", 10_000);
const TEAMS = argValue("teams", 20);
const OWNERS = argValue("owners", 200);

const dir = mkdtempSync(path.join(tmpdir(), "grafana-outbox-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = url; // before anything reads lib/env
const { migrateDeploy } = await import("@/lib/db/migrate");
const { db } = await import("@/lib/db/client");
const { enqueue } = await import("@/lib/outbox/enqueue");
const { createGrafanaClient } = await import("@/lib/grafana/client");
const { appRuleUid } = await import("@/lib/grafana/uids");
const { drainOutbox } = await import("@/lib/grafana-sync/drain");
const { chunks } = await import("@/lib/grafana-sync/plan");
const { startGrafanaContractServer } = await import("@/test/grafana/contract-server");
type Server = Awaited<ReturnType<typeof startGrafanaContractServer>>;
type Mode = "batched" | "per-rule";

async function seed(): Promise<{ id: string; appId: string }[]> {
  await migrateDeploy(url);
  const client = db();
  const teams = await Promise.all(Array.from({ length: TEAMS }, (_, t) => client.team.create({ data: { slug: `team-${String(t).padStart(2, "0")}`, name: `Team ${t}` } })));
  await client.user.createMany({ data: Array.from({ length: OWNERS }, (_, i) => ({ email: `owner-${i}@example.com`, name: `Owner ${i}`, passwordHash: "x" })) });
  const users = await client.user.findMany({ select: { id: true } });
  const apps = Array.from({ length: APPS }, (_, i) => ({ appId: `app-${String(i).padStart(5, "0")}`, name: `App ${i}`, teamId: teams[i % TEAMS]?.id ?? "" }));
  for (const slice of chunks(apps, 1000)) await client.app.createMany({ data: slice });
  const rows = await client.app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } });
  for (const slice of chunks(rows, 1000)) {
    await client.ownership.createMany({ data: slice.map((a, i) => ({ appRef: a.id, ownerId: users[i % users.length]?.id ?? "" })) });
  }
  return rows;
}

let version = 0;
/** Every app gets a new threshold version + its outbox task, 100 apps per transaction. */
async function changeAll(apps: { id: string; appId: string }[], floorRps: number): Promise<void> {
  version += 1;
  for (const slice of chunks(apps, 100)) {
    await db().$transaction(async (tx) => {
      await tx.thresholdVersion.createMany({
        data: slice.map((a, i) => ({
          appRef: a.id, version, floorRps, ceilingRps: floorRps * 50, maxWeeklyDropPercent: i % 3 === 0 ? 40 : null,
          forDuration: "5m", severity: "warning", enabled: true, reason: "bench",
        })),
      });
      await enqueue(tx, "grafana.app", slice.map((a) => a.appId));
    });
  }
}

function allPresent(srv: Server, apps: { appId: string }[], floor: number): boolean {
  return apps.every((a) => JSON.stringify(srv.state.rules.get(appRuleUid(a.appId))?.data.find((q) => q.refId === "C")?.model.conditions).includes(`[${floor},`));
}

async function run(mode: Mode, apps: { id: string; appId: string }[], floor: number) {
  const srv = await startGrafanaContractServer();
  try {
    const grafana = {
      settings: {
        url: srv.url, token: srv.token, datasourceUid: "prometheus", queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
        groupIntervalSeconds: 60, provenance: "locked" as const, portalUrl: "https://portal.example.com",
      },
      client: createGrafanaClient({ url: srv.url, token: srv.token, timeoutMs: 120_000 }),
    };
    // existing state in this Grafana (not timed): folders, rules, contact points, routes
    await db().$transaction((tx) => enqueue(tx, "grafana.app", apps.map((a) => a.appId)), { timeout: 120_000 });
    await drainOutbox({ grafana });
    srv.resetLog();

    const started = performance.now();
    await changeAll(apps, floor);
    const written = performance.now();
    let drains = 0;
    while ((await db().outboxTask.count()) > 0) {
      const r = await drainOutbox({ grafana, mode, concurrency: mode === "per-rule" ? 16 : 4 });
      drains += 1;
      if (r.errors.length > 0) throw new Error(`${mode}: ${r.errors[0]}`);
    }
    const ms = performance.now() - started;
    if (process.env.BENCH_DEBUG) { const by = new Map<string, number>(); for (const e of srv.log) { const k = `${e.method} ${e.path.split("/").slice(0, 5).join("/")}`; by.set(k, (by.get(k) ?? 0) + 1); } console.log(mode, by); }
    if (!allPresent(srv, apps, floor)) throw new Error(`${mode}: not every rule reached the contract server`);
    return { mode, writeMs: written - started, drainMs: ms - (written - started), ms, drains, calls: srv.callCount(), ruleCalls: srv.callCount({ pathPrefix: "/api/v1/provisioning/alert-rules" }) + srv.callCount({ pathPrefix: "/api/v1/provisioning/folder/" }) };
  } finally {
    await srv.close();
  }
}

try {
  console.log(`grafana outbox bench: ${APPS} apps, ${TEAMS} teams, ${OWNERS} owners; scratch SQLite ${url}; contract server in-process`);
  const apps = await seed();
  await changeAll(apps, 10);
  const results = [await run("batched", apps, 20), await run("per-rule", apps, 30)];
  for (const r of results) {
    console.log(
      `${r.mode.padEnd(9)} total ${(r.ms / 1000).toFixed(2).padStart(6)} s  (write+enqueue ${(r.writeMs / 1000).toFixed(2)} s, drain ${(r.drainMs / 1000).toFixed(2)} s in ${r.drains} run${r.drains === 1 ? "" : "s"})  ${String(r.calls).padStart(6)} HTTP calls (${r.ruleCalls} rule/group)`,
    );
  }
  const [b, p] = results;
  if (b && p) console.log(`per-rule / batched: drain time ×${(p.drainMs / b.drainMs).toFixed(1)}, calls ×${(p.calls / b.calls).toFixed(0)}`);
} finally {
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
