// Benchmark: GET /api/overview (teamOverview: coverage counts + the lead's risk view) and the
// computed filters and sorts of GET /api/apps (listApps: one fleet load per page) at 10,000 apps,
// against a scratch SQLite database under bench/out/overview. Calls the functions the routes
// call, without HTTP. Run: npm run bench:overview [-- --apps 10000 --runs 10]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { argValue } from "./args";
import { rerunUnderReactServer } from "./react-server";
import { scratchDatabase } from "./scratch";
import { seedOrganisation } from "./seed-org";

rerunUnderReactServer(import.meta.url, { SCHEDULER_ENABLED: "false" });

const APPS = argValue("apps", 10_000);
const RUNS = argValue("runs", 10);
const TEAMS = 40;
const PEOPLE = 600;
const DAYS_OF_TRAFFIC = 8;


const { dir } = await scratchDatabase("overview");
const { db } = await import("@/lib/db/client");
const { teamOverview } = await import("@/lib/ownership/overview");
const { listApps } = await import("@/lib/ownership/list-apps");
const { appListQuerySchema } = await import("@/lib/validation/ownership");
const { chunks } = await import("@/lib/grafana-sync/plan");

// --- seed: teams, people (some away, some without a contact), apps (1 in 7 unowned, half with a
// backup), threshold versions on most, open findings on 1 in 20, one hourly traffic bucket per
// app and day for the last 8 days (what recentRps and thresholds_outdated read)
const DAY = 86_400_000;
const now = Date.now();
const seedStarted = performance.now();
const { teams, apps } = await seedOrganisation(db(), { apps: APPS, teams: TEAMS, people: PEOPLE, now });
const versions = apps.filter((_, i) => i % 5 !== 0).map((a, i) => ({
  appRef: a.id, version: 1, floorRps: 1 + (i % 20), ceilingRps: i % 4 === 0 ? null : 1000 + i, forDuration: "5m", severity: "warning", enabled: true, reason: "bench",
  createdAt: new Date(now - 30 * DAY),
}));
for (const c of chunks(versions, 2_000)) await db().thresholdVersion.createMany({ data: c });
for (const c of chunks(apps.map((a, i) => ({ key: i + 1, appRef: a.id })), 2_000)) await db().trafficSeries.createMany({ data: c });
const dayStart = Math.floor(now / DAY) * DAY;
const buckets = apps.flatMap((_, i) =>
  Array.from({ length: DAYS_OF_TRAFFIC }, (_, d) => {
    const rps = 5 + (i % 300);
    return { key: i + 1, bucket: BigInt((dayStart - (d + 1) * DAY) / 1000 + 12 * 3600), count: 60, sum: rps * 60, min: rps * 0.8, max: rps * 1.2 };
  }),
);
for (const c of chunks(buckets, 5_000)) await db().trafficRollup1h.createMany({ data: c });
const seedMs = performance.now() - seedStarted;

// --- measure
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { median: +at(0.5).toFixed(1), p90: +at(0.9).toFixed(1), min: +(s[0] ?? NaN).toFixed(1), max: +(s.at(-1) ?? NaN).toFixed(1) };
};
async function time(runs: number, fn: () => Promise<unknown>) {
  await fn(); // warm-up: JIT, SQLite page cache
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return stats(out);
}

const admin = {
  id: "user-0", email: "person-0@example.com", name: "Person 0", role: "admin" as const, teamId: teams[0]!.id, teamSlug: teams[0]!.slug,
  via: "session" as const, sessionId: null, scopes: ["read", "write", "ingest"] as const, tokenTeamId: null,
};
const list = (q: Record<string, string>) => () => listApps(admin, appListQuerySchema.parse(q));
const overview = await teamOverview();
const cases: [string, () => Promise<unknown>][] = [
  ["GET /api/overview", () => teamOverview()],
  ["GET /api/apps (plain, appId order, 50)", list({})],
  ["GET /api/apps?filter=stale", list({ filter: "stale" })],
  ["GET /api/apps?filter=alerting_unreachable", list({ filter: "alerting_unreachable" })],
  ["GET /api/apps?finding=critical", list({ finding: "critical" })],
  ["GET /api/apps?sort=traffic", list({ sort: "traffic" })],
  ["GET /api/apps?team=team-07&filter=stale", list({ team: "team-07", filter: "stale" })],
];
const results: Record<string, ReturnType<typeof stats>> = {};
for (const [name, fn] of cases) results[name] = await time(RUNS, fn);

const result = {
  apps: APPS, teams: TEAMS, people: PEOPLE, runs: RUNS, seedMs: Math.round(seedMs), loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
  totals: { stale: overview.risk.totals.stale, alerting: overview.risk.totals.alerting, unowned: overview.risk.totals.unowned },
  ms: results,
};
fs.writeFileSync(path.join(dir, "result.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`overview and computed app-list filters, ${APPS} apps in ${TEAMS} teams, ${RUNS} runs each (no HTTP; load average ${result.loadAverage.join(" ")})`);
console.log(`  fleet: ${result.totals.stale} stale, ${result.totals.alerting} alerting, ${result.totals.unowned} unowned`);
for (const [name, s] of Object.entries(results)) console.log(`  ${name.padEnd(44)} median ${s.median} ms  p90 ${s.p90} ms  (min ${s.min}, max ${s.max})`);
await db().$disconnect();
