import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import { pgPool } from "@/lib/db/client";
import { env } from "@/lib/env";
import { detectNoData, DAY_MS, type Stage } from "@/lib/detection";
import { detectionMetrics } from "@/lib/metrics/registry";
import { deliverDue } from "@/lib/notify/deliver";
import { escalateDue } from "@/lib/notify/escalate";
import { pageNewFindings } from "@/lib/notify/page";
import { HOLDER, slotOf } from "@/lib/scheduler/lease";
import { advanceApp, forget, loadStateRows, prefetchFresh, prefetchStates, remember, StateConflict } from "./detector-state";
import { detectionSettings, loadAppsForDetection, type DetectionApp } from "./load-apps";
import { isQuiet, persistEvaluation, persistQuiet, type QuietItem } from "./persist";
import { claimShard, finishShard, latestFinishedTick, openTick, shardOf } from "./shards";
import { stopWarmUp } from "./warm-up";

export type RunSummary = {
  apps: number; evaluated: number; skipped: number; errors: number; opened: number; resolved: number; notifications: number; sent: number;
  /** States rebuilt from history in this run; conflicts: apps another writer got to first. */
  rebuilt: number; conflicts: number;
};

const seconds = (ms: number) => ms / 1000;

const emptySummary = (apps: number): RunSummary => ({ apps, evaluated: 0, skipped: 0, errors: 0, opened: 0, resolved: 0, notifications: 0, sent: 0, rebuilt: 0, conflicts: 0 });

// One app: its detector state brought up to the newest sample (a step over what arrived since
// the watermark, or a rebuild from history), no_data against the clock, then state and findings
// written in one transaction. Every stage is observed in portal_detection_stage_duration_seconds.
// An evaluation that opens and resolves nothing is returned instead, to be written with the
// rest of its batch (persistQuiet); the others are written here, one transaction each.
async function evaluateApp(
  app: DetectionApp, now: Date, s: RunSummary, row: Parameters<typeof advanceApp>[2],
  prefetched: Awaited<ReturnType<typeof prefetchFresh>>, states: Awaited<ReturnType<typeof prefetchStates>>,
): Promise<QuietItem | null> {
  const m = detectionMetrics();
  const e = env();
  const settings = detectionSettings(app);
  let t = performance.now();
  const adv = await advanceApp(app.id, settings, row, { now: now.getTime(), lookbackMs: e.DETECTION_LOOKBACK_DAYS * DAY_MS, timed: true, prefetched, states });
  const advanceMs = performance.now() - t;
  // nothing in the look-back (as before: such an app is not evaluated)
  if (!adv || now.getTime() - adv.lastTs > e.DETECTION_LOOKBACK_DAYS * DAY_MS) {
    m.stageDuration.observe({ stage: "load" }, seconds(advanceMs));
    s.skipped += 1;
    return null;
  }
  if (adv.rebuilt) {
    s.rebuilt += 1;
    m.stateRebuilds.inc({ reason: adv.rebuilt });
  }
  const result = adv.result;
  // advanceApp loads, prepares and steps: each stage gets its own share of that time
  const stepMs = Object.values(result.timings ?? {}).reduce((sum, ms) => sum + (ms ?? 0), 0);
  m.stageDuration.observe({ stage: "load" }, seconds(Math.max(0, advanceMs - adv.prepareMs - stepMs)));
  m.stageDuration.observe({ stage: "prepare" }, seconds(adv.prepareMs));
  const noData = detectNoData(adv.lastTs, now.getTime(), adv.stepMs, { appName: app.appId, recentLongestSilenceMs: adv.longestSilenceMs });
  if (noData) result.findings.push(noData);
  for (const [stage, ms] of Object.entries(result.timings ?? {})) m.stageDuration.observe({ stage: stage as Stage }, seconds(ms));
  if ((!adv.update || (adv.update.previous && adv.update.builtLateSeq === null)) && isQuiet(app, result)) return { app, result, update: adv.update };
  t = performance.now();
  let out;
  try {
    out = await persistEvaluation(app, result, now, adv.update);
  } catch (error) {
    if (adv.update) forget(app.id);
    if (error instanceof StateConflict) {
      s.conflicts += 1;
      return null;
    }
    throw error;
  }
  if (adv.update && out.revision !== null) remember(app.id, out.revision, adv.update.state);
  m.stageDuration.observe({ stage: "persist" }, seconds(performance.now() - t));
  m.appsEvaluated.inc();
  for (const f of out.opened) m.findings.inc({ detector: f.detector, severity: f.severity });
  s.evaluated += 1;
  s.opened += out.opened.length;
  s.resolved += out.resolved;
  s.notifications += out.notifications;
  return null;
}

// Apps are evaluated a batch at a time: the batch's state rows, the checkpoints of the states this
// process does not hold (after a restart: all), and the new samples after each state's watermark
// are read together, and its quiet evaluations written in one transaction.
//
// On PostgreSQL the database works while this process steps: the next batch is read, and the
// previous batch's write (a transaction on a connection of its own) runs, while a batch is
// stepped, which yields to the event loop every YIELD_EVERY apps so that their round trips go on
// (without it they waited for the end of the batch). At most one read and one write are in
// flight, and every write has ended when this returns (before the shard is marked done, and on
// an error too). Nothing of one batch depends on another: their apps are disjoint, and each
// app's write is still conditional on the revision it read. On SQLite there is one connection,
// on which the next batch's reads would run inside the open write transaction: there each batch
// is read, stepped and written in turn.
const BATCH = 500;
const YIELD_EVERY = 25;

type BatchRead = { rows: Awaited<ReturnType<typeof loadStateRows>>; states: Awaited<ReturnType<typeof prefetchStates>>; prefetched: Awaited<ReturnType<typeof prefetchFresh>> };

async function readBatch(refs: string[], now: Date): Promise<BatchRead> {
  const rows = await loadStateRows(refs);
  const states = await prefetchStates(refs, rows);
  const prefetched = await prefetchFresh(refs, rows, now.getTime(), states);
  return { rows, states, prefetched };
}

async function evaluateApps(apps: DetectionApp[], now: Date, s: RunSummary): Promise<void> {
  const overlap = pgPool() !== null;
  const batches: DetectionApp[][] = [];
  for (let i = 0; i < apps.length; i += BATCH) batches.push(apps.slice(i, i + BATCH));
  const read = (b: DetectionApp[] | undefined) => {
    if (!b) return null;
    const p = readBatch(b.map((a) => a.id), now);
    // awaited when its batch's turn comes; until then a failure must not count as unhandled
    p.catch(() => undefined);
    return p;
  };
  let writing: Promise<void> = Promise.resolve();
  let next = overlap ? read(batches[0]) : null;
  try {
    for (const [k, batch] of batches.entries()) {
      const { rows, states, prefetched } = await (next ?? readBatch(batch.map((a) => a.id), now));
      next = overlap ? read(batches[k + 1]) : null;
      const quiet: QuietItem[] = [];
      for (const [j, app] of batch.entries()) {
        if (overlap && j % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
        try {
          const q = await evaluateApp(app, now, s, rows.get(app.id) ?? null, prefetched, states);
          if (q) quiet.push(q);
        } catch (error) {
          s.errors += 1;
          console.error(`[detection] ${app.appId}:`, error);
        }
      }
      await writing;
      writing = writeQuiet(quiet, now, s);
      if (!overlap) await writing;
    }
  } finally {
    await writing;
  }
}

async function writeQuiet(quiet: QuietItem[], now: Date, s: RunSummary): Promise<void> {
  if (quiet.length === 0) return;
  const m = detectionMetrics();
  const t = performance.now();
  let out: Awaited<ReturnType<typeof persistQuiet>>;
  try {
    out = await persistQuiet(quiet, now);
  } catch (error) {
    for (const q of quiet) if (q.update) forget(q.app.id);
    s.errors += quiet.length;
    console.error(`[detection] a batch of ${quiet.length} apps:`, error);
    return;
  }
  const each = seconds((performance.now() - t) / quiet.length);
  for (const q of quiet) {
    const o = out.get(q.app.id);
    if (!o || o === "conflict") {
      if (q.update) forget(q.app.id);
      s.conflicts += 1;
      continue;
    }
    if (q.update && o.revision !== null) remember(q.app.id, o.revision, q.update.state);
    m.stageDuration.observe({ stage: "persist" }, each);
    m.appsEvaluated.inc();
    s.evaluated += 1;
  }
}

// who hears: the new findings of this tick together (fleet guard, silences), escalations,
// then one message per person
async function notify(now: Date, s: RunSummary): Promise<void> {
  const t = performance.now();
  await pageNewFindings(now);
  await escalateDue(now);
  s.sent = (await deliverDue(new Date())).sent;
  detectionMetrics().stageDuration.observe({ stage: "notify" }, seconds(performance.now() - t));
}

// A manual pass (POST /api/detection/run, tests): every app (or one), no shards.
async function runOnce(appId: string | undefined, now: Date): Promise<RunSummary> {
  const t = performance.now();
  if (!appId) stopWarmUp();
  const apps = await loadAppsForDetection(appId);
  const s = emptySummary(apps.length);
  await evaluateApps(apps, now, s);
  await notify(now, s);
  detectionMetrics().tickDuration.observe(seconds(performance.now() - t));
  if (!appId) detectionMetrics().setEvaluatedThrough(now.getTime());
  return s;
}

export type TickSummary = RunSummary & { tick: number; shards: number[]; tickDone: boolean };

// A scheduled tick: this process claims shards of the tick one at a time until none is left
// (lib/findings/shards.ts). Whoever finishes the tick's last shard pages: the fleet guard and the
// grouping into one message per person see the whole tick's new findings, as with one replica.
async function tickOnce(now: Date, shards: number, intervalMs: number): Promise<TickSummary> {
  const t = performance.now();
  stopWarmUp();
  const tick = slotOf(now.getTime(), intervalMs);
  await openTick(tick, shards);
  let apps: DetectionApp[] | null = null;
  const s: TickSummary = { ...emptySummary(0), tick, shards: [], tickDone: false };
  for (;;) {
    const claim = await claimShard(tick, HOLDER);
    if (!claim) break;
    apps ??= await loadAppsForDetection();
    const mine = apps.filter((a) => shardOf(a.id, claim.shards) === claim.shard);
    const before = s.evaluated;
    s.apps += mine.length;
    await evaluateApps(mine, now, s);
    s.shards.push(claim.shard);
    if (await finishShard(tick, claim.shard, HOLDER, s.evaluated - before)) s.tickDone = true;
  }
  if (s.tickDone) {
    await notify(now, s);
    detectionMetrics().setEvaluatedThrough(now.getTime());
  } else {
    // another replica finishes this tick (or died holding a shard): the newest tick that every
    // shard finished bounds the lag
    const finished = await latestFinishedTick();
    if (finished !== null) detectionMetrics().setEvaluatedThrough(finished);
  }
  if (s.shards.length > 0) detectionMetrics().tickDuration.observe(seconds(performance.now() - t));
  return s;
}

// Passes never overlap inside one process (a manual run waits for a scheduled one); across
// replicas the shards of a tick are claimed (tickOnce), and each app's state is written
// conditionally on the revision it was read at, so two writers never both win.
const globalRun = globalThis as unknown as { portalDetectionChain?: Promise<unknown> };

function chained<T extends RunSummary>(run: () => Promise<T>): Promise<T> {
  const previous = globalRun.portalDetectionChain ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(run);
  globalRun.portalDetectionChain = next;
  return next.then(
    (summary) => {
      detectionMetrics().runs.inc({ outcome: summary.errors > 0 ? "error" : "ok" });
      return summary;
    },
    (error: unknown) => {
      detectionMetrics().runs.inc({ outcome: "error" });
      throw error;
    },
  );
}

export function runDetection(opts: { appId?: string; now?: Date } = {}): Promise<RunSummary> {
  return chained(() => runOnce(opts.appId, opts.now ?? new Date()));
}

/** The scheduler's detection job: this process's share of the current tick. */
export function runDetectionTick(opts: { now?: Date; shards?: number; intervalMs?: number } = {}): Promise<TickSummary> {
  const e = env();
  return chained(() => tickOnce(opts.now ?? new Date(), opts.shards ?? e.DETECTION_SHARDS, opts.intervalMs ?? e.DETECTION_INTERVAL_SECONDS * 1000));
}
