// Benchmark: 10,000 apps across 20 teams change thresholds at once. How long until the contract
// Grafana has them all, and how many HTTP calls, when pushing (a) one rule-group PUT per team
// versus (b) one upsert (GET + PUT) per rule? Run: npm run bench:grafana [-- --apps 2000]
import { performance } from "node:perf_hooks";
import { buildDesiredState, type GroupSettings } from "../lib/grafana/build-team";
import { buildAppRule } from "../lib/grafana/build-app-rule";
import { createGrafanaClient, type GrafanaClient } from "../lib/grafana/client";
import type { AppAlertInput } from "../lib/grafana/types";
import { startGrafanaContractServer, type GrafanaContractServer } from "../test/grafana/contract-server";

import { argValue } from "./args";
const APPS = argValue("apps", 10_000);
const TEAMS = argValue("teams", 20);
const CONCURRENCY = argValue("concurrency", 16);

const settings: GroupSettings = {
  datasourceUid: "prometheus",
  queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
  portalUrl: "https://portal.example.com",
  groupIntervalSeconds: 60,
};

function makeApps(floorRps: number): AppAlertInput[] {
  return Array.from({ length: APPS }, (_, i) => {
    const team = `team-${String(i % TEAMS).padStart(2, "0")}`;
    const owner = `owner-${i % 500}@example.com`;
    return {
      appId: `app-${String(i).padStart(5, "0")}`,
      team,
      owner,
      responder: owner,
      thresholds: { floorRps, ceilingRps: floorRps * 50, maxWeeklyDropPercent: i % 3 === 0 ? 40 : null, for: "5m", severity: "warning", enabled: true },
    };
  });
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function pushBatched(c: GrafanaClient, apps: AppAlertInput[]): Promise<void> {
  await mapLimit(buildDesiredState(apps, settings), 4, async (t) => {
    await c.ensureFolder(t.folder);
    await c.putRuleGroup(t.group);
  });
}

async function pushPerRule(c: GrafanaClient, apps: AppAlertInput[]): Promise<void> {
  await mapLimit(buildDesiredState(apps, settings, false), 4, (t) => c.ensureFolder(t.folder));
  await mapLimit(apps, CONCURRENCY, (a) => {
    const rule = buildAppRule(a, settings);
    return c.upsertRule({ ...rule, uid: rule.uid ?? "" });
  });
}

/** Every app's rule in the contract server carries the new floor. */
function allPresent(srv: GrafanaContractServer, apps: AppAlertInput[]): boolean {
  return apps.every((a) => {
    const rule = srv.state.rules.get(buildAppRule(a, settings).uid ?? "");
    const evaluator = rule?.data.find((q) => q.refId === "C")?.model.conditions;
    return JSON.stringify(evaluator).includes(`[${a.thresholds.floorRps},`);
  });
}

async function run(name: string, push: (c: GrafanaClient, apps: AppAlertInput[]) => Promise<void>) {
  const srv = await startGrafanaContractServer();
  try {
    const c = createGrafanaClient({ url: srv.url, token: srv.token, timeoutMs: 60_000 });
    await push(c, makeApps(10)); // existing state, not timed
    srv.resetLog();
    const changed = makeApps(20);
    const started = performance.now();
    await push(c, changed);
    const ms = performance.now() - started;
    if (!allPresent(srv, changed)) throw new Error(`${name}: not every rule reached the contract server`);
    return { name, ms, calls: srv.callCount(), failed: srv.log.filter((e) => e.status >= 400 && e.status !== 404).length };
  } finally {
    await srv.close();
  }
}

console.log(`grafana sync bench: ${APPS} apps, ${TEAMS} teams, per-rule concurrency ${CONCURRENCY}, contract server in-process`);
const batched = await run("batched (folder + group PUT per team)", pushBatched);
const perRule = await run("per rule (GET + PUT per rule)", pushPerRule);
for (const r of [batched, perRule]) {
  console.log(`${r.name.padEnd(40)} ${(r.ms / 1000).toFixed(2).padStart(7)} s ${String(r.calls).padStart(7)} calls  ${r.failed} errors`);
}
console.log(`ratio per-rule / batched: time ×${(perRule.ms / batched.ms).toFixed(1)}, calls ×${(perRule.calls / batched.calls).toFixed(0)}`);
