// Benchmark: one /api/metrics scrape with 10,000 registered and detected apps. Calls the
// collection function the route uses (scrapeMetrics: database snapshot in collect(), fill,
// serialise), without HTTP, against a scratch SQLite database under bench/out/metrics. Compares
// with prom-client serialising the same series from pre-filled plain gauges (no database, no
// collection work). Run: npm run bench:metrics [-- --apps 10000 --runs 50]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { argValue } from "./args";
import { rerunUnderReactServer } from "./react-server";
import { scratchDatabase } from "./scratch";
import { seedOrganisation } from "./seed-org";

rerunUnderReactServer(import.meta.url);

const APPS = argValue("apps", 10_000);
const RUNS = argValue("runs", 50);
const TEAMS = 40;
const PEOPLE = 600;
const TARGET_MEDIAN_MS = 150;
const TARGET_BYTES = 8 * 1024 * 1024;


const { dir } = await scratchDatabase("metrics");
const { db } = await import("@/lib/db/client");
const { scrapeMetrics } = await import("@/lib/metrics/scrape");
const { loadSnapshot } = await import("@/lib/metrics/load-snapshot");
const { parseExposition } = await import("@/lib/metrics/parse-exposition");
const { Gauge, Registry } = await import("prom-client");
const { chunks } = await import("@/lib/grafana-sync/plan");

// --- seed: the organisation (bench/seed-org.ts), then signals and threshold history for every app
const DAY = 86_400_000;
const now = Date.now();
const seedStarted = performance.now();
const { apps } = await seedOrganisation(db(), { apps: APPS, teams: TEAMS, people: PEOPLE, now });
for (const c of chunks(apps.map((a, i) => ({ appRef: a.id, anomalyScore: (i % 100) / 100, trendPerDay: i % 5 === 0 ? null : ((i % 41) - 20) / 1000, expected: 10 + (i % 500) * 1.37, observed: 10 + (i % 450), evaluatedAt: new Date(now) })), 2_000)) {
  await db().appSignal.createMany({ data: c });
}
const versions = apps.flatMap((a, i) =>
  Array.from({ length: 1 + (i % 3) }, (_, v) => ({
    appRef: a.id, version: v + 1, floorRps: 1 + v + (i % 20), ceilingRps: i % 4 === 0 ? null : 1000 + i, forDuration: "5m", severity: "warning",
    enabled: i % 10 !== 0 || v === 0, reason: "bench",
  })),
);
for (const c of chunks(versions, 2_000)) await db().thresholdVersion.createMany({ data: c });
const seedMs = performance.now() - seedStarted;

// --- measure
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN;
  return { median: at(0.5), p99: at(0.99), min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
};
// Wall time, and this process's CPU time (steadier when other work shares the machine).
const cpuMs: Record<string, number[]> = {};
async function time(name: string, runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up: JIT, SQLite page cache, prepared statements
  const out: number[] = [];
  const cpu: number[] = (cpuMs[name] = []);
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return out;
}

let body = "";
const scrape = stats(await time("scrape", RUNS, async () => (body = (await scrapeMetrics()).body)));
const load = stats(await time("database", RUNS, () => loadSnapshot()));
const bytes = Buffer.byteLength(body);
const samples = parseExposition(body);

// Baseline: the same series in plain prom-client gauges, filled beforehand; only metrics() is timed.
const baseline = new Registry();
const byName = new Map<string, typeof samples>();
for (const s of samples) byName.set(s.name, [...(byName.get(s.name) ?? []), s]);
for (const [name, rows] of byName) {
  const labelNames = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))];
  const g = new Gauge({ name, help: name, labelNames, registers: [baseline] });
  for (const r of rows) g.set(r.labels, r.value);
}
let baselineBody = "";
const plain = stats(await time("prefilled", RUNS, async () => (baselineBody = await baseline.metrics())));

const perApp = samples.filter((s) => s.name.startsWith("portal_app_")).length;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const result = {
  apps: APPS,
  runs: RUNS,
  seriesTotal: samples.length,
  seriesPerApp: +(perApp / APPS).toFixed(2),
  bodyBytes: bytes,
  scrapeMs: scrape,
  databaseSnapshotMs: load,
  promClientPrefilledMs: plain,
  baselineSeries: parseExposition(baselineBody).length,
  ratioToPrefilled: +(scrape.median / plain.median).toFixed(2),
  cpuMedianMs: Object.fromEntries(Object.entries(cpuMs).map(([k, v]) => [k, +stats(v).median.toFixed(1)])),
  loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
  seedMs: Math.round(seedMs),
};
fs.writeFileSync(path.join(dir, "result.json"), `${JSON.stringify(result, null, 2)}\n`);

console.log(`/api/metrics collection + serialisation, ${APPS} apps, ${RUNS} runs (scrapeMetrics, no HTTP)`);
console.log(`  series            ${samples.length} (${result.seriesPerApp} per app)`);
console.log(`  scrape            median ${ms(scrape.median)}  p99 ${ms(scrape.p99)}  (min ${ms(scrape.min)}, max ${ms(scrape.max)})`);
console.log(`    database part   median ${ms(load.median)}  p99 ${ms(load.p99)}`);
console.log(`  body              ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
console.log(`  prom-client, pre-filled gauges, same ${result.baselineSeries} series: median ${ms(plain.median)}  p99 ${ms(plain.p99)}`);
console.log(`  ratio scrape / pre-filled prom-client: ${result.ratioToPrefilled}`);
console.log(`  CPU time, median: scrape ${ms(result.cpuMedianMs.scrape ?? NaN)}, database part ${ms(result.cpuMedianMs.database ?? NaN)}, pre-filled prom-client ${ms(result.cpuMedianMs.prefilled ?? NaN)} (load average ${result.loadAverage.join(" ")})`);
const ok = scrape.median < TARGET_MEDIAN_MS && bytes < TARGET_BYTES;
console.log(`  target median < ${TARGET_MEDIAN_MS} ms and body < 8 MiB: ${ok ? "met" : "MISSED"}`);
await db().$disconnect();
process.exit(ok ? 0 : 1);
