// A fleet in a real database: N apps × D days of traffic seeded through the ingest write path
// (writeSamples, day by day with the hourly maintenance in between, as a running portal would),
// then detection ticks, storage, reads during ingest and ingest into a big raw window.
//
//   npm run bench:fleet -- [--apps 1000] [--days 15] [--step 60] [--ingest-apps 10000] [--postgres]
//                          [--reuse-raw-window] [--only-raw-window]
//
// --step: seconds between samples; --ingest-apps: apps whose raw window (TRAFFIC_RAW_DAYS) the
// ingest measurement writes into (0 skips it); --postgres: BENCH_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/portal_bench_fleet), recreated on each run.
// --steady-again: no seeding; the steady tick again on the two databases the last full run left
// (bench/out/fleet/{history,one-day}, recorded in kept.json with their apps and days), in turns
// (15 d, 1 d, 15 d, 1 d: three ticks each after an uncounted first one), for a figure on a quieter machine than the first run's.
// --reuse-raw-window: keep the seeded raw-window database (and raw-window.json beside the SQLite
// files in bench/out/fleet) and reuse it on the next run with the same --ingest-apps, raw days and
// database kind if it was seeded less than 12 hours ago; each run writes after the last run's
// samples, so every run appends new samples as the first did, after the hourly maintenance has
// rolled up what fell out of the raw window (untimed). --only-raw-window: only that phase.
// What the ingest figures count: the route handlers are called in this process with Request
// objects whose bodies are bytes built before the clock starts (a collector is another process);
// a request's time runs from the call to its JSON answer read: reading and parsing the body,
// validation, access checks, the writes (and on PostgreSQL the bulk worker thread's work, on the
// same 2 cores), the answer. Not counted: building the bodies, HTTP framing and sockets. The
// raw-window database holds every app's detector state (built by one cold tick), as a running
// portal's does, since ingest reads each pushed app's watermark.
// Ticks call whatever runDetection is in lib/findings; "first tick after a restart" runs in a
// fresh Node process against the same database, once as it starts (the tick loads the modules and
// restores every state) and once after the server's start-up restore (printed separately). Wall-clock times: other jobs on the machine count.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { serverNodeOptions } from "@/lib/http/node-options";
import { argValue } from "./args";

const APPS = argValue("apps", 1_000);
const DAYS = argValue("days", 15);
const STEP_S = argValue("step", 60);
const INGEST_APPS = process.argv.includes("--ingest-apps") ? Number(process.argv[process.argv.indexOf("--ingest-apps") + 1]) : 10_000;
const POSTGRES = process.argv.includes("--postgres");
const PG_BASE = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_bench_fleet";
const DAY_MS = 86_400_000;
const STEP_MS = STEP_S * 1000;

const outDir = path.resolve("bench/out/fleet");
process.env.SCHEDULER_ENABLED = "false";

type World = { url: string; apps: { id: string; appId: string }[]; end: number };

async function freshDatabase(name: string): Promise<string> {
  if (POSTGRES) {
    const pg = (await import("pg")).default;
    const url = new URL(PG_BASE);
    url.pathname = `/${url.pathname.slice(1)}_${name}`;
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
    await c.end();
    return url.toString();
  }
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.db`);
  for (const s of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + s, { force: true });
  return `file:${file}`;
}

const { generateTraffic } = await import("@/lib/detection");

async function seed(name: string, apps: number, days: number, end: number): Promise<World & { seconds: number; samples: number }> {
  const url = await freshDatabase(name);
  process.env.DATABASE_URL = url;
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(url);
  const { db } = await import("@/lib/db/client");
  const { writeSamples } = await import("@/lib/traffic/write");
  const { maintainTraffic } = await import("@/lib/traffic/retention");
  const team = await db().team.create({ data: { slug: `bench-${name}`, name: "bench" } });
  const ids = Array.from({ length: apps }, (_, i) => `fleet-${String(i).padStart(5, "0")}`);
  for (let i = 0; i < ids.length; i += 1_000) {
    await db().app.createMany({ data: ids.slice(i, i + 1_000).map((appId) => ({ appId, name: appId, teamId: team.id, searchText: appId })) });
  }
  const list = await db().app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } });
  const perDay = DAY_MS / STEP_MS;
  let samples = 0;
  const t0 = performance.now();
  for (let d = days - 1; d >= 0; d--) {
    const dayEnd = end - d * DAY_MS;
    const dayStart = dayEnd - perDay * STEP_MS + STEP_MS;
    for (let a = 0; a < list.length; a += 200) {
      const rows = [];
      for (const app of list.slice(a, a + 200)) {
        const k = Number(app.appId.slice(6));
        const s = generateTraffic({ seed: k * 1_000 + d, days: 1, stepMs: STEP_MS, start: dayStart, baseRps: 5 + (k % 97) * 10, noise: 0.06 });
        for (let i = 0; i < s.values.length; i++) rows.push({ appRef: app.id, ts: dayStart + i * STEP_MS, value: Math.round((s.values[i] as number) * 100) / 100 });
      }
      samples += rows.length;
      await writeSamples(rows, dayEnd);
    }
    await maintainTraffic(dayEnd);
  }
  return { url, apps: list, end, seconds: (performance.now() - t0) / 1000, samples };
}

async function liveBytes(): Promise<number> {
  const { db, sqliteConnection } = await import("@/lib/db/client");
  const conn = await sqliteConnection();
  if (conn) {
    const { sqliteBytes } = await import("@/lib/traffic/sqlite");
    return sqliteBytes(conn).live;
  }
  const r = await db().$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT SUM(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c WHERE c.relname IN ('TrafficSeries', 'TrafficSample', 'TrafficRollup5m', 'TrafficRollup1h')`,
  );
  return Number(r[0]?.n ?? 0);
}

async function tick(now: number) {
  const { runDetection } = await import("@/lib/findings/run-detection");
  const t = performance.now();
  const s = await runDetection({ now: new Date(now) });
  return { ms: performance.now() - t, s };
}

async function steadyTick(w: World, k: number) {
  const { writeSamples } = await import("@/lib/traffic/write");
  const ts = w.end + k * STEP_MS;
  await writeSamples(w.apps.map((a, i) => ({ appRef: a.id, ts, value: 5 + (i % 97) * 10 })), ts);
  return tick(ts);
}

// Each phase runs in its own Node process (one database per process, as in the server, and with
// the server's Node options); the last line a phase prints is its JSON result.
function phase<T>(name: string, args: string[] = []): T {
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/fleet.ts", ...process.argv.slice(2), "--phase", name, ...args], {
    // with the server's Node options (scripts/start.ts)
    encoding: "utf8", env: { ...process.env, NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) }, maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"],
  });
  const line = r.stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new Error(`phase ${name} failed (exit ${r.status}):\n${r.stdout}`);
  }
}
const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1] as string;

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] as number;
};

// GET /api/apps/:appId/traffic (last 24 h) back to back for `ms`, through the route handler.
async function readLoop(w: World, token: string, ms: number, stop?: () => boolean) {
  const { GET } = await import("@/app/api/apps/[appId]/traffic/route");
  const lat: number[] = [];
  const until = performance.now() + ms;
  let i = 0;
  while (performance.now() < until && !(stop?.() ?? false)) {
    const app = w.apps[(i++ * 7919) % w.apps.length] as { appId: string };
    const req = new Request(`http://127.0.0.1/api/apps/${app.appId}/traffic?from=${new Date(w.end - DAY_MS).toISOString()}&to=${new Date(w.end).toISOString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const t = performance.now();
    const res = await GET(req, { params: Promise.resolve({ appId: app.appId }) });
    await res.json();
    lat.push(performance.now() - t);
  }
  return lat;
}

// Request bodies of `batch` samples each, built before any clock starts, as UTF-8 bytes (what a
// server reads from its socket): a collector is another process, and building and stringifying
// 50,000 samples here, on the event loop that runs the handlers, would count client work as
// server work (and delay the GETs measured alongside).
function pushBodies(w: World, opts: { batch: number; count: number; from: number }): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (let k = 0; k < opts.count; k++) {
    const samples = [];
    for (let j = 0; j < opts.batch; j++) {
      const n = k * opts.batch + j;
      const app = w.apps[n % w.apps.length] as { appId: string };
      samples.push({ appId: app.appId, ts: opts.from + Math.floor(n / w.apps.length) * STEP_MS, value: 100 + (n % 50) });
    }
    out.push(new TextEncoder().encode(JSON.stringify({ samples })));
  }
  return out;
}

// POST /api/traffic back to back, one prebuilt body per request, `parallel` requests in flight,
// for `ms` or until the bodies run out. A request's time is from calling the route handler with
// the body's bytes to its JSON answer read: reading and parsing the body, validation, access
// checks, the writes, the answer. Not counted: building the bodies, HTTP framing and sockets.
async function ingestLoop(token: string, bodies: Uint8Array<ArrayBuffer>[], opts: { batch: number; parallel: number; ms?: number; times?: number[] }) {
  const { POST } = await import("@/app/api/traffic/route");
  let sent = 0;
  let next = 0;
  const started = performance.now();
  const done = () => next >= bodies.length || (opts.ms !== undefined && performance.now() - started >= opts.ms);
  const worker = async () => {
    while (!done()) {
      const body = bodies[next++] as Uint8Array<ArrayBuffer>;
      const t = performance.now();
      const res = await POST(new Request("http://127.0.0.1/api/traffic", {
        method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body,
      }), { params: Promise.resolve({}) });
      const answer = (await res.json()) as { accepted: number };
      if (res.status !== 202 || answer.accepted !== opts.batch) throw new Error(`ingest: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      opts.times?.push(performance.now() - t);
      sent += opts.batch;
    }
  };
  await Promise.all(Array.from({ length: opts.parallel }, worker));
  return { samples: sent, seconds: (performance.now() - started) / 1000, ranOut: next >= bodies.length };
}

async function tokenIn() {
  const { db } = await import("@/lib/db/client");
  const { createToken } = await import("@/lib/tokens/tokens");
  const user = await db().user.create({ data: { email: `bench-${Date.now()}@bench.local`, name: "bench", role: "admin", passwordHash: "x" } });
  // an ingest token for every app, as a fleet's collector would use
  return (await createToken(user, { name: "bench", scopes: ["ingest"] })).token;
}

// The raw-window database of an earlier run (--reuse-raw-window), if it fits this run.
const keptFile = path.join(outDir, "raw-window.json");
async function keptRawWindow(rawDays: number): Promise<(World & { seeded: { rows: number; seedRate: number; at: number }; rolledUp: number }) | null> {
  if (!fs.existsSync(keptFile)) return null;
  const k = JSON.parse(fs.readFileSync(keptFile, "utf8")) as { url: string; apps: number; rawDays: number; postgres: boolean; seeded: { rows: number; seedRate: number; at: number }; next: number };
  if (k.apps !== INGEST_APPS || k.rawDays !== rawDays || k.postgres !== POSTGRES || Date.now() - k.seeded.at > 12 * 3_600_000) return null;
  if (!POSTGRES && !fs.existsSync(k.url.slice("file:".length))) return null;
  process.env.DATABASE_URL = k.url;
  // brought to this code's migrations (the database may have been seeded by an older checkout)
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(k.url);
  const { db } = await import("@/lib/db/client");
  const apps = await db().app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } });
  // after anything written since (e.g. a probe on the same file)
  const newest = await db().$queryRawUnsafe<{ t: bigint | number | null }[]>(
    `SELECT MAX("ts") AS "t" FROM "TrafficSample" WHERE "key" = (SELECT MIN("key") FROM "TrafficSeries")`,
  );
  const next = Math.max(k.next, (Number(newest[0]?.t ?? 0) + STEP_S) * 1000);
  // the hourly maintenance a running portal does, untimed: each reuse appends samples, and without
  // it the raw window would grow by them run after run instead of holding rawDays
  const { maintainTraffic } = await import("@/lib/traffic/retention");
  const m = await maintainTraffic(next - STEP_MS);
  return { url: k.url, apps, end: next - STEP_MS, seeded: k.seeded, rolledUp: m.rolledRaw };
}

// What a full run's one-day and history phases left, for --steady-again.
const keptRuns = path.join(outDir, "kept.json");
type Kept = Record<string, { url: string; apps: number; days: number; postgres: boolean; step: number }>;
const readKept = (): Kept => (fs.existsSync(keptRuns) ? (JSON.parse(fs.readFileSync(keptRuns, "utf8")) as Kept) : {});
function keep(name: string, url: string) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(keptRuns, JSON.stringify({ ...readKept(), [name]: { url, apps: APPS, days: name === "history" ? DAYS : 1, postgres: POSTGRES, step: STEP_S } }));
}

const end = Number(process.argv.includes("--end") ? arg("end") : Math.floor(Date.now() / STEP_MS) * STEP_MS - 10 * STEP_MS);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

if (process.argv.includes("--phase")) {
  const which = arg("phase");
  let result: unknown;
  if (which === "one-day") {
    const w = await seed("one-day", APPS, 1, end);
    await tick(w.end); // cold
    const steady: number[] = [];
    for (let k = 1; k <= 3; k++) steady.push((await steadyTick(w, k)).ms);
    keep("one-day", w.url);
    result = { steady: med(steady) };
  } else if (which === "history") {
    const w = await seed("history", APPS, DAYS, end);
    const bytes = await liveBytes();
    const cold = await tick(w.end);
    const steady: number[] = [];
    for (let k = 1; k <= 3; k++) steady.push((await steadyTick(w, k)).ms);
    keep("history", w.url);
    result = { url: w.url, samples: w.samples, seedSeconds: w.seconds, bytes, cold: cold.ms, evaluated: cold.s.evaluated, steady: med(steady), now: w.end + 3 * STEP_MS };
  } else if (which === "steady") {
    // three steady ticks on a database a full run left, each after the newest sample stored in it;
    // migrated first (it may predate a migration)
    process.env.DATABASE_URL = arg("db");
    await (await import("@/lib/db/migrate")).migrateDeploy(arg("db"));
    const { db } = await import("@/lib/db/client");
    const apps = await db().app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } });
    const newest = await db().$queryRawUnsafe<{ t: bigint | number | null }[]>(`SELECT MAX("ts") AS "t" FROM "TrafficSample"`);
    const w: World = { url: arg("db"), apps, end: Number(newest[0]?.t ?? 0) * 1000 };
    // a fresh process: the first tick restores every state (a restart tick), so it is not counted
    await steadyTick(w, 1);
    const steady: number[] = [];
    for (let k = 2; k <= 4; k++) steady.push((await steadyTick(w, k)).ms);
    result = { steady: med(steady), ticks: steady };
  } else if (which === "restart") {
    process.env.DATABASE_URL = arg("db");
    const t = await tick(Number(arg("now")) + STEP_MS);
    result = { ms: t.ms };
  } else if (which === "restart-warm") {
    // a fresh process that does what the server does at start (lib/scheduler/start.ts): load the
    // detection modules, restore the detector states (lib/findings/warm-up.ts); then traffic
    // arrives (one new sample per app, as before a steady tick) and the first tick runs
    process.env.DATABASE_URL = arg("db");
    const t0 = performance.now();
    const { warmUpDetection } = await import("@/lib/findings/warm-up");
    await import("@/lib/findings/run-detection");
    const loadMs = performance.now() - t0;
    const w = await warmUpDetection({ now: () => Number(arg("now")) });
    const { db } = await import("@/lib/db/client");
    const apps = await db().app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } });
    const t = await steadyTick({ url: arg("db"), apps, end: Number(arg("now")) }, 1);
    result = { loadMs, warmMs: w.ms, restored: w.restored, apps: w.apps, longestSliceMs: w.longestSliceMs, ms: t.ms, rebuilt: t.s.rebuilt };
  } else if (which === "reads") {
    process.env.DATABASE_URL = arg("db");
    const { db } = await import("@/lib/db/client");
    const w: World = { url: arg("db"), apps: await db().app.findMany({ select: { id: true, appId: true }, orderBy: { appId: "asc" } }), end };
    const token = await tokenIn();
    const idle = await readLoop(w, token, 5_000);
    // 10 s of ingest at up to ~150 k samples/s; if the bodies run out first, the phase says so
    const bodies = pushBodies(w, { batch: 10_000, count: 150, from: end + 10 * STEP_MS });
    let ingesting = true;
    const ingest = ingestLoop(token, bodies, { batch: 10_000, parallel: 2, ms: 10_000 }).finally(() => (ingesting = false));
    const busy = await readLoop(w, token, 60_000, () => !ingesting);
    const flat = await ingest;
    result = { idle: p99(idle), idleN: idle.length, busy: p99(busy), busyN: busy.length, rate: flat.samples / flat.seconds, ranOut: flat.ranOut };
  } else if (which === "raw-window") {
    const { parseEnv } = await import("@/lib/env");
    const rawDays = parseEnv(process.env).TRAFFIC_RAW_DAYS;
    const kept = process.argv.includes("--reuse-raw-window") ? await keptRawWindow(rawDays) : null;
    let w: World;
    let seeded: { rows: number; seedRate: number; at: number };
    let rolledUp = 0;
    if (kept) ({ seeded, rolledUp, ...w } = kept);
    else {
      const s = await seed("raw-window", INGEST_APPS, rawDays, end);
      w = s;
      seeded = { rows: s.samples, seedRate: s.samples / s.seconds, at: Date.now() };
    }
    // a portal holding this raw window also holds every app's detector state, and ingest reads each
    // pushed app's watermark (late samples): one cold tick builds them (once per kept database)
    const { db } = await import("@/lib/db/client");
    let stateTickMs: number | null = null;
    if ((await db().detectorState.count()) < w.apps.length) stateTickMs = (await tick(w.end)).ms;
    const states = await db().detectorState.count();
    const token = await tokenIn();
    const from = w.end + STEP_MS;
    // 20 requests; the first one in a fresh process also warms the page cache and the app lookups
    const times: number[] = [];
    const bodies = pushBodies(w, { batch: 50_000, count: 20, from });
    const r = await ingestLoop(token, bodies, { batch: 50_000, parallel: 1, times });
    const steps = Math.ceil((20 * 50_000) / INGEST_APPS);
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(keptFile, JSON.stringify({ url: w.url, apps: INGEST_APPS, rawDays, postgres: POSTGRES, seeded, next: from + steps * STEP_MS }));
    const rest = times.slice(1).reduce((a, b) => a + b, 0) / 1000;
    result = { rawDays, rows: seeded.rows, seedRate: seeded.seedRate, reused: kept !== null, rolledUp, rate: r.samples / r.seconds, samples: r.samples, seconds: r.seconds, firstMs: times[0], restRate: (r.samples - 50_000) / rest, states, stateTickMs };
  }
  console.log(JSON.stringify(result));
  process.exit(0);
}

const out: [string, string][] = [];
const say = (what: string, figure: string) => {
  out.push([what, figure]);
  console.log(`${what}: ${figure}`);
};
const dbName = POSTGRES ? "PostgreSQL" : "SQLite";
console.log(`bench:fleet — ${APPS} apps × ${DAYS} days at ${STEP_S} s on ${dbName}, node ${process.version}`);
const endArgs = ["--end", String(end)];

const ONLY_RAW_WINDOW = process.argv.includes("--only-raw-window");
if (process.argv.includes("--steady-again")) {
  const k = readKept();
  for (const name of ["history", "one-day"]) {
    const r = k[name];
    const days = name === "history" ? DAYS : 1;
    if (!r || r.apps !== APPS || r.days !== days || r.postgres !== POSTGRES || r.step !== STEP_S) {
      throw new Error(`--steady-again: no ${name} database of ${APPS} apps × ${days} d (${dbName}, ${STEP_S} s) left by a full run; run without --steady-again first`);
    }
  }
  const h = k.history as { url: string };
  const o = k["one-day"] as { url: string };
  const ticks: { h: number[]; o: number[] } = { h: [], o: [] };
  for (let round = 0; round < 2; round++) {
    ticks.h.push(...phase<{ ticks: number[] }>("steady", ["--db", h.url]).ticks);
    ticks.o.push(...phase<{ ticks: number[] }>("steady", ["--db", o.url]).ticks);
  }
  const fmt = (xs: number[]) => xs.map((x) => (x / 1000).toFixed(2)).join(" / ");
  say(`steady tick again (one new sample per app), ${DAYS} d history, two rounds of 3`, `${(med(ticks.h) / 1000).toFixed(2)} s median (${fmt(ticks.h)})`);
  say("steady tick again, 1 d history, in turns with the above", `${(med(ticks.o) / 1000).toFixed(2)} s median (${fmt(ticks.o)}) → ${DAYS} d / 1 d = ${(med(ticks.h) / med(ticks.o)).toFixed(2)}×`);
} else if (!ONLY_RAW_WINDOW) {
  const oneDay = phase<{ steady: number }>("one-day", endArgs);
  const h = phase<{ url: string; samples: number; seedSeconds: number; bytes: number; cold: number; evaluated: number; steady: number; now: number }>("history", endArgs);
  say(`seed ${APPS} × ${DAYS} d through writeSamples (+ hourly maintenance)`, `${(h.samples / h.seedSeconds).toFixed(0)} samples/s (${h.samples.toLocaleString("en-US")} in ${h.seedSeconds.toFixed(1)} s)`);
  say("live traffic bytes per app-day", `${(h.bytes / (APPS * DAYS)).toFixed(0)} B (${(h.bytes / 1e6).toFixed(1)} MB; ${((h.bytes / 1e6) * (1000 / APPS) * (15 / DAYS)).toFixed(0)} MB per 1,000 apps × 15 d)`);
  say("cold tick", `${(h.cold / 1000).toFixed(2)} s (${h.evaluated} apps evaluated)`);
  say(`steady tick (one new sample per app), ${DAYS} d history`, `${(h.steady / 1000).toFixed(2)} s (median of 3)`);
  say("steady tick, 1 d history", `${(oneDay.steady / 1000).toFixed(2)} s → ${DAYS} d / 1 d = ${(h.steady / oneDay.steady).toFixed(2)}×`);
  const restart = phase<{ ms: number }>("restart", [...endArgs, "--db", h.url, "--now", String(h.now)]);
  say("first tick after a restart (fresh process)", `${(restart.ms / 1000).toFixed(2)} s = ${(restart.ms / h.steady).toFixed(2)}× steady`);
  const warm = phase<{ loadMs: number; warmMs: number; restored: number; apps: number; longestSliceMs: number; ms: number; rebuilt: number }>("restart-warm", [...endArgs, "--db", h.url, "--now", String(h.now)]);
  say("start-up of a fresh process: detection modules loaded, then the states restored (lib/findings/warm-up.ts)", `${(warm.loadMs / 1000).toFixed(2)} s + ${(warm.warmMs / 1000).toFixed(2)} s (${warm.restored} of ${warm.apps} states; longest slice ${warm.longestSliceMs.toFixed(0)} ms)`);
  say("first tick after that start-up (one new sample per app)", `${(warm.ms / 1000).toFixed(2)} s = ${(warm.ms / h.steady).toFixed(2)}× steady (${warm.rebuilt} rebuilt)`);
  const reads = phase<{ idle: number; idleN: number; busy: number; busyN: number; rate: number; ranOut: boolean }>("reads", [...endArgs, "--db", h.url]);
  say("GET /api/apps/:id/traffic p99, idle", `${reads.idle.toFixed(1)} ms (${reads.idleN} requests)`);
  say("GET p99 during flat-out POST /api/traffic (2 × 10,000-sample requests in flight, bodies prebuilt)", `${reads.busy.toFixed(1)} ms = ${(reads.busy / reads.idle).toFixed(2)}× idle (${reads.busyN} requests; ingest ${reads.rate.toFixed(0)} samples/s meanwhile${reads.ranOut ? ", until its 150 prebuilt bodies ran out" : ""})`);
}
if (INGEST_APPS > 0 && !process.argv.includes("--steady-again")) {
  const r = phase<{ rawDays: number; rows: number; seedRate: number; reused: boolean; rolledUp: number; rate: number; samples: number; seconds: number; firstMs: number; restRate: number; states: number; stateTickMs: number | null }>("raw-window", endArgs);
  say(
    `POST /api/traffic into ${INGEST_APPS.toLocaleString("en-US")} apps' raw window (${r.rawDays} d, ${r.rows.toLocaleString("en-US")} rows, ${r.states.toLocaleString("en-US")} detector states${r.stateTickMs === null ? "" : `, built by a cold tick of ${(r.stateTickMs / 1000).toFixed(1)} s first`}), 20 × 50,000-sample requests (bodies prebuilt)`,
    `${r.rate.toFixed(0)} samples/s (${r.samples.toLocaleString("en-US")} in ${r.seconds.toFixed(1)} s; first request ${r.firstMs.toFixed(0)} ms, the other 19 ${r.restRate.toFixed(0)} samples/s; ${r.reused ? `database reused (${r.rolledUp.toLocaleString("en-US")} samples older than the raw window rolled up first, untimed), seeded earlier at` : "seeding it:"} ${r.seedRate.toFixed(0)} samples/s)`,
  );
}

console.log(`\n| bench:fleet, ${APPS} apps × ${DAYS} d at ${STEP_S} s, ${dbName} | figure |\n| --- | --- |`);
for (const [w, f] of out) console.log(`| ${w} | ${f} |`);
process.exit(0);
