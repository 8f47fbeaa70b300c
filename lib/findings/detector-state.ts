import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import { db, pgPool, sqliteConnection } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { env } from "@/lib/env";
import { isUniqueViolation } from "@/lib/errors";
import {
  createAppState, decodeState, encodeState, evaluateApp, inferStepMs, prepareSeries, settingsKey, longestRecentSilence, pushSilenceGap, stepApp, STATE_VERSION,
  type AppState, type DetectionResult, type DetectionSettings,
} from "@/lib/detection";
import { countRawIn, loadHistory, loadRawAfter, loadRawAfterMany } from "@/lib/traffic/history";
import { cutoffs, flattenHistory, type TrafficSeries } from "@/lib/traffic/levels";
import { trafficLevels } from "@/lib/traffic/settings";
import { statement } from "@/lib/traffic/sqlite";

// Persisted incremental detection (docs/detection.md, "In the server").
//
// Each app has one DetectorState row: its AppState (lib/detection/engine.ts) as codec bytes, fed
// every sample up to `watermark`. A tick reads only the raw samples newer than the watermark,
// puts them on the state's grid exactly as prepareSeries would have in one pass over everything,
// steps the state and writes it back in the transaction that opens and resolves the findings
// (lib/findings/persist.ts), conditional on the revision it read. The state is rebuilt from
// history (the look-back, as a full pass reads it) when it is missing, was built by another
// STATE_VERSION or with other settings (thresholds, evaluation interval), when ingest stored a
// sample at or before its watermark (lateSeq ≠ builtLateSeq), when its watermark is older than
// the raw window (what came since may be rolled up), or when a new sample falls into the grid
// step of the newest sample already fed (one pass would have averaged them).
//
// Checkpoints: a quiet step (no finding opened or resolved) does not rewrite the state (tens of
// kB). It advances the row's watermark and revision only, conditionally on the revision read, and
// this process keeps the stepped state in memory at the new revision. The state bytes are
// rewritten every CHECKPOINT_TICKS revisions (spread over the apps), on a rebuild and whenever
// findings open or resolve. So the stored state may be older than the row's watermark: it
// carries its own watermark (Stored.watermark), and a process without the current revision in
// memory (a restart, another replica wrote last) steps the stored state over every raw sample
// after *that* watermark. Stepping in chunks of any size gives what one step gives (the
// equivalence property, lib/detection/incremental.test.ts), so the result is the state the last
// writer had. Samples in (stored watermark, row watermark] were evaluated already; evaluating them
// again reaches the same findings, which persist idempotently (reconcileFindings against the open
// ones). Ingest compares late samples with the row's watermark, which every write advances, so a
// sample at or before anything fed still marks the state for a rebuild.

export type RebuildReason = "missing" | "version" | "settings" | "late" | "stale" | "step" | "unreadable";

/** A DetectorState row without the state itself. */
export type StateRow = {
  appRef: string; watermark: number; stepMs: number; settingsKey: string; version: number; revision: number; lateSeq: number; builtLateSeq: number;
};

const meta = {
  appRef: true, watermark: true, stepMs: true, settingsKey: true, version: true, revision: true, lateSeq: true, builtLateSeq: true,
} as const;

/**
 * What the row stores: the engine's state, and the gaps between consecutive samples that the
 * no_data finding needs (its longest recent silence, longestSilenceMs over the look-back) as a
 * sliding-window maximum: flat [previous sample ts, gap, …], gaps decreasing, only those whose
 * earlier sample is within SILENCE_MEMORY_MS of the newest; and `watermark`, the newest sample
 * fed to this copy. The row's own watermark column can be newer: see "Checkpoints" above.
 */
export type Stored = { app: AppState; gaps: number[]; watermark: number };

type Cached = { revision: number; state: Stored };

/** The state bytes are rewritten at least every this many revisions of a row (see "Checkpoints"). */
export const CHECKPOINT_TICKS = 60;

/** Whether the write that makes `revision` rewrites the state bytes (spread over the apps by their id). */
export function checkpointDue(appRef: string, revision: number): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < appRef.length; i++) h = Math.imul(h ^ appRef.charCodeAt(i), 0x01000193);
  return ((h >>> 0) + revision) % CHECKPOINT_TICKS === 0;
}

// Decoded states of the apps this process evaluated, by revision: a tick that finds the revision
// it wrote last time skips reading and decoding the state. Any other revision (another replica or
// a manual run wrote since) is read from the database.
const g = globalThis as unknown as { portalDetectorStates?: { url: string; states: Map<string, Cached> } };
function cache(): Map<string, Cached> {
  const url = env().DATABASE_URL;
  if (g.portalDetectorStates?.url !== url) g.portalDetectorStates = { url, states: new Map() };
  return g.portalDetectorStates.states;
}

/** Forgets every decoded state of this process (tests: a restart). */
export function clearDetectorStateCache(): void {
  g.portalDetectorStates = undefined;
}

function toRow(r: { appRef: string; watermark: bigint | number | string; stepMs: number; settingsKey: string; version: number; revision: number; lateSeq: number; builtLateSeq: number }): StateRow {
  return { ...r, watermark: Number(r.watermark) };
}

/** The state rows (without the states) of these apps. */
export async function loadStateRows(appRefs: string[]): Promise<Map<string, StateRow>> {
  const out = new Map<string, StateRow>();
  for (let i = 0; i < appRefs.length; i += 500) {
    const rows = await db().detectorState.findMany({ where: { appRef: { in: appRefs.slice(i, i + 500) } }, select: meta });
    for (const r of rows) out.set(r.appRef, toRow(r));
  }
  return out;
}

/**
 * The raw samples each of these apps needs for its step this tick, read in one go, for the apps
 * whose state this process holds at the row's revision (the steady case): pass it to advanceApp.
 */
export async function prefetchFresh(appRefs: string[], rows: Map<string, StateRow>, now: number, states?: PrefetchedStates): Promise<Map<string, { afterMs: number; fresh: TrafficSeries }>> {
  const rawCut = cutoffs(trafficLevels(), now).raw * 1000;
  const wanted: { appRef: string; afterMs: number }[] = [];
  for (const appRef of appRefs) {
    const row = rows.get(appRef);
    if (!row || row.version !== STATE_VERSION || row.lateSeq !== row.builtLateSeq) continue;
    // the state this tick will step: the one held at the row's revision, else the checkpoint
    // prefetchStates read (after a restart: every app's), which steps from its own watermark
    const c = cache().get(appRef);
    const p = states?.get(appRef);
    const state = c && c.revision === row.revision ? c.state : p && p.revision === row.revision ? p.state : null;
    if (!state || state.watermark < rawCut) continue;
    wanted.push({ appRef, afterMs: state.watermark });
  }
  const got = await loadRawAfterMany(wanted, now + 1);
  const out = new Map<string, { afterMs: number; fresh: TrafficSeries }>();
  for (const w of wanted) {
    const fresh = got.get(w.appRef);
    if (fresh) out.set(w.appRef, { afterMs: w.afterMs, fresh });
  }
  return out;
}

/** Checkpoints read ahead for a batch (prefetchStates), decoded; null: unreadable. */
export type PrefetchedStates = Map<string, { state: Stored | null; revision: number }>;

/**
 * DetectorState columns of the given apps, read with the driver directly (better-sqlite3, or
 * node-postgres on Prisma's pool): through Prisma a Bytes column makes a base64 round trip, which
 * cost more than decoding the state.
 */
async function statesOf<T>(columns: string, appRefs: string[]): Promise<T[]> {
  const select = `SELECT ${columns} FROM "DetectorState" WHERE "appRef"`;
  const pool = pgPool();
  if (pool) return (await pool.query(`${select} = ANY($1::text[])`, [appRefs])).rows as T[];
  const conn = (await sqliteConnection()) as BetterSqlite3.Database;
  return statement(conn, `${select} IN (${Array(appRefs.length).fill("?").join(", ")})`).all(...appRefs) as T[];
}

/**
 * The stored states of the apps of a batch that this process does not hold at the row's
 * revision (after a restart: all of them), read with one query per 500 apps instead of one each
 * (statesOf), and decoded.
 */
export async function prefetchStates(appRefs: string[], rows: Map<string, StateRow>): Promise<PrefetchedStates> {
  const missing = appRefs.filter((appRef) => {
    const row = rows.get(appRef);
    const c = cache().get(appRef);
    return row && row.version === STATE_VERSION && row.lateSeq === row.builtLateSeq && (!c || c.revision !== row.revision);
  });
  const out: PrefetchedStates = new Map();
  for (let i = 0; i < missing.length; i += 500) {
    const got = await statesOf<{ appRef: string; state: Uint8Array; revision: number }>(`"appRef", "state", "revision"`, missing.slice(i, i + 500));
    for (const r of got) out.set(r.appRef, { state: decodeStored(r.state), revision: r.revision });
  }
  return out;
}

const ROW_COLUMNS = `"appRef", "state", "watermark", "stepMs", "settingsKey", "version", "revision", "lateSeq", "builtLateSeq"`;

/**
 * The start-up restore (lib/findings/warm-up.ts) of a slice of apps: their rows and checkpoints
 * in one query, each checkpoint stepped over the raw samples after its own watermark up to the
 * row's (the replay the first tick after a restart would do; nothing is evaluated or written),
 * then kept in this process's cache at the row's revision — the state the last writer held.
 * A tick uses it only while that revision is still the stored one (readState): when another
 * replica writes in between, the tick reads the new checkpoint as it would without the restore.
 * Skipped (left to the tick): apps whose state the tick would rebuild (other version or settings,
 * marked late, unreadable, checkpoint older than the raw window, a replay that does not end at
 * the row's watermark) and apps this process already holds at that revision or a newer one.
 */
export async function restoreStates(apps: { appRef: string; settings: DetectionSettings }[], now: number): Promise<{ restored: number; skipped: number }> {
  if (apps.length === 0) return { restored: 0, skipped: 0 };
  const refs = apps.map((a) => a.appRef);
  const got = await statesOf<Parameters<typeof toRow>[0] & { state: Uint8Array }>(ROW_COLUMNS, refs);
  const rawCut = cutoffs(trafficLevels(), now).raw * 1000;
  const held = (appRef: string, revision: number) => (cache().get(appRef)?.revision ?? -1) >= revision;
  const byRef = new Map(apps.map((a) => [a.appRef, a.settings]));
  const todo: { row: StateRow; stored: Stored; settings: DetectionSettings; key: string }[] = [];
  for (const r of got) {
    const row = toRow(r);
    const settings = byRef.get(row.appRef);
    if (!settings || row.version !== STATE_VERSION || row.lateSeq !== row.builtLateSeq || held(row.appRef, row.revision)) continue;
    const key = settingsKey(settings);
    if (row.settingsKey !== key) continue;
    const stored = decodeStored(r.state);
    if (!stored || stored.watermark < rawCut || stored.watermark > row.watermark) continue;
    todo.push({ row, stored, settings, key });
  }
  const until = Math.max(...todo.map((t) => t.row.watermark), -Infinity);
  const samples = await loadRawAfterMany(todo.map((t) => ({ appRef: t.row.appRef, afterMs: t.stored.watermark })), until + 1);
  let restored = 0;
  for (const { row, stored, settings, key } of todo) {
    const all = samples.get(row.appRef);
    // a tick (a manual one for this app) got to it meanwhile: keep what it holds
    if (!all || held(row.appRef, row.revision)) continue;
    // only up to the row's watermark: newer samples are the next tick's
    let n = all.ts.length;
    while (n > 0 && (all.ts[n - 1] as number) > row.watermark) n--;
    const fresh = { ts: all.ts.subarray(0, n), values: all.values.subarray(0, n) };
    const out = await step(stored, row, fresh, settings, key, { now, lookbackMs: 0, timed: false });
    // step keeps the state at the row's revision when the replay ends at the row's watermark
    if (out && !out.update && cache().get(row.appRef)?.state === stored) restored++;
  }
  return { restored, skipped: apps.length - restored };
}

/** A stored state, or null when it cannot be read or is not one of this version. */
function decodeStored(bytes: Uint8Array): Stored | null {
  try {
    const state = decodeState<Stored>(bytes);
    const app = state?.app;
    return app && Array.isArray(state.gaps) && typeof state.watermark === "number" && app.version === STATE_VERSION && typeof app.n === "number" && app.n > 0 ? state : null;
  } catch {
    return null;
  }
}

async function readState(row: StateRow, prefetched?: PrefetchedStates): Promise<Stored | null> {
  const c = cache().get(row.appRef);
  if (c && c.revision === row.revision) return c.state;
  const p = prefetched?.get(row.appRef);
  if (p && p.revision === row.revision) {
    // the step mutates it: a second read (there is none in a tick) would go to the database
    prefetched?.delete(row.appRef);
    return p.state;
  }
  const r = await db().detectorState.findUnique({ where: { appRef: row.appRef }, select: { state: true, revision: true } });
  if (!r || r.revision !== row.revision) return null;
  return decodeStored(r.state);
}

/** What one tick did to an app's state, to be written with its findings (persist.ts). */
export type StateUpdate = {
  state: Stored;
  watermark: number;
  stepMs: number;
  key: string;
  /** The row read at the start (null: there was none); the write is conditional on its revision. */
  previous: StateRow | null;
  /** Set when the state was rebuilt: the lateSeq it was rebuilt after. */
  builtLateSeq: number | null;
  /**
   * Raw samples read with previousWatermark < ts ≤ watermark. In the write's transaction the
   * same range is counted again; a sample stored in between (ingest compares with the watermark
   * stored before this write, so it could not tell) makes the count differ and the state is then
   * marked for a rebuild, so no sample is dropped.
   */
  recount: { afterMs: number; count: number } | null;
};

export type Advanced = {
  result: DetectionResult;
  update: StateUpdate | null;
  /** Newest sample fed (the no_data finding looks at it). */
  lastTs: number;
  /** longestSilenceMs over the samples fed (the no_data finding's tolerance). */
  longestSilenceMs: number;
  stepMs: number;
  rebuilt: RebuildReason | null;
  /** Samples fed this tick (all of the look-back on a rebuild). */
  fed: number;
  /** Oldest sample fed this tick (epoch ms), NaN when none. */
  oldestFed: number;
  /** Time spent putting the samples on the state's grid (the "prepare" stage), ms. */
  prepareMs: number;
};

type Opts = {
  now: number; lookbackMs: number; timed: boolean;
  /** Raw samples already read for this tick (prefetchFresh), by app: used when read after the same watermark. */
  prefetched?: Map<string, { afterMs: number; fresh: TrafficSeries }>;
  /** States already read for this tick (prefetchStates), by app: used when of the row's revision. */
  states?: PrefetchedStates;
};

/**
 * Brings one app's state up to its newest sample: a step over the samples newer than the
 * watermark, or a rebuild from history. Null when the app has no traffic in the look-back.
 * Nothing is written here; the caller writes `update` with the findings.
 */
export async function advanceApp(appRef: string, settings: DetectionSettings, row: StateRow | null, opts: Opts): Promise<Advanced | null> {
  const key = settingsKey(settings);
  let reason: RebuildReason | null = null;
  if (!row) reason = "missing";
  else if (row.version !== STATE_VERSION) reason = "version";
  else if (row.settingsKey !== key) reason = "settings";
  else if (row.lateSeq !== row.builtLateSeq) reason = "late";
  if (!reason && row) {
    // the cached copy is mutated by the step: take it out until the write has committed
    const state = await readState(row, opts.states);
    cache().delete(appRef);
    if (!state) reason = "unreadable";
    else {
      let fresh: TrafficSeries | null;
      const pre = opts.prefetched?.get(appRef);
      if (pre && pre.afterMs === state.watermark) fresh = pre.fresh;
      else if (state.watermark >= cutoffs(trafficLevels(), opts.now).raw * 1000) fresh = await loadRawAfter(appRef, state.watermark, opts.now + 1);
      else {
        // an old watermark (the app was silent, or no tick ran for days): what came since may
        // already be rolled up, and then only a rebuild reads it
        const since = await loadHistory(appRef, state.watermark + 1, opts.now + 1);
        fresh = since.rollups.ts.length === 0 ? since.raw : null;
      }
      if (!fresh) reason = "stale";
      else {
        const out = await step(state, row, fresh, settings, key, opts);
        if (out) return out;
        reason = "step";
      }
    }
  }
  return rebuild(appRef, settings, key, row, reason ?? "missing", opts);
}

async function step(stored: Stored, row: StateRow, fresh: TrafficSeries, settings: DetectionSettings, key: string, opts: Opts): Promise<Advanced | null> {
  const state = stored.app;
  const n = fresh.ts.length;
  const base: Omit<Advanced, "result" | "update" | "fed" | "oldestFed" | "lastTs" | "longestSilenceMs" | "prepareMs"> = { stepMs: state.stepMs, rebuilt: null };
  if (n === 0) {
    // nothing new: the state is unchanged (and stays cached at its revision)
    cache().set(row.appRef, { revision: row.revision, state: stored });
    return {
      ...base, result: evaluateApp(state, settings), update: null, lastTs: stored.watermark, longestSilenceMs: longestRecentSilence(stored.gaps, stored.watermark), fed: 0, oldestFed: NaN, prepareMs: 0,
    };
  }
  const { start, stepMs } = state;
  const lastStep = state.n - 1;
  const lastStart = start + lastStep * stepMs;
  const previous = state.last[0] as number;
  // a sample in the step already fed would change that step's mean: only a rebuild gets that right
  if (Math.floor(((fresh.ts[0] as number) - start) / stepMs) <= lastStep || !Number.isFinite(previous)) return null;
  // prepareSeries over [the newest step fed, new samples]: gaps after the newest step are
  // interpolated or left missing exactly as one pass over the whole series would
  const ts = new Float64Array(n + 1);
  const values = new Float64Array(n + 1);
  ts[0] = lastStart;
  values[0] = previous;
  ts.set(fresh.ts, 1);
  values.set(fresh.values, 1);
  const lastTs = fresh.ts[n - 1] as number;
  const t0 = performance.now();
  const grid = prepareSeries({ ts, values }, { stepMs, from: lastStart, to: lastTs, longGapValue: NaN });
  const prepareMs = performance.now() - t0;
  const result = stepApp(state, grid.values.subarray(1), settings, { timed: opts.timed });
  const afterMs = stored.watermark;
  let prev = afterMs;
  for (const t of fresh.ts) {
    pushSilenceGap(stored.gaps, prev, t - prev);
    prev = t;
  }
  stored.watermark = lastTs;
  if (lastTs === row.watermark) {
    // only the samples since the stored checkpoint were replayed (no new ones): this is the
    // state of the row's revision, nothing to write
    cache().set(row.appRef, { revision: row.revision, state: stored });
    return { ...base, result, lastTs, longestSilenceMs: longestRecentSilence(stored.gaps, lastTs), fed: n, oldestFed: fresh.ts[0] as number, prepareMs, update: null };
  }
  return {
    ...base, result, lastTs, longestSilenceMs: longestRecentSilence(stored.gaps, lastTs), fed: n, oldestFed: fresh.ts[0] as number, prepareMs,
    update: { state: stored, watermark: lastTs, stepMs, key, previous: row, builtLateSeq: null, recount: { afterMs, count: n } },
  };
}

async function rebuild(appRef: string, settings: DetectionSettings, key: string, row: StateRow | null, reason: RebuildReason, opts: Opts): Promise<Advanced | null> {
  const from = opts.now - opts.lookbackMs;
  const history = await loadHistory(appRef, from, opts.now + 1);
  const raw = flattenHistory(history);
  const n = raw.ts.length;
  if (n === 0) return null;
  const stepMs = inferStepMs(raw.ts);
  const lastTs = raw.ts[n - 1] as number;
  // No data is not zero: the series ends at the newest sample and long gaps stay missing (NaN);
  // silence after the newest sample is the no_data finding's, never a crash at 0 req/s.
  const t0 = performance.now();
  const series = prepareSeries(raw, { stepMs, to: lastTs, longGapValue: NaN });
  const prepareMs = performance.now() - t0;
  const state = createAppState(series, settings);
  const result = stepApp(state, series.values, settings, { timed: opts.timed });
  const gaps: number[] = [];
  for (let i = 1; i < n; i++) pushSilenceGap(gaps, raw.ts[i - 1] as number, (raw.ts[i] as number) - (raw.ts[i - 1] as number));
  // the samples that a late write could have landed among without ingest marking this state:
  // those after the watermark stored now (all of them when there is no row yet)
  // (whole seconds, as stored: the first second loaded is ceil(from / 1000))
  const firstSecond = Math.ceil(from / 1000);
  const afterMs = Math.max(row?.watermark ?? -Infinity, (firstSecond - 1) * 1000);
  let count = 0;
  for (const t of history.raw.ts) if (t > afterMs && t <= lastTs) count++;
  return {
    result, lastTs, longestSilenceMs: longestRecentSilence(gaps, lastTs), stepMs, rebuilt: reason, fed: n, oldestFed: raw.ts[0] as number, prepareMs,
    update: { state: { app: state, gaps, watermark: lastTs }, watermark: lastTs, stepMs, key, previous: row, builtLateSeq: row?.lateSeq ?? 0, recount: { afterMs, count } },
  };
}

/** Two writers raced for one app's state; the loser's transaction is rolled back. */
export class StateConflict extends Error {
  constructor(appRef: string) {
    super(`detector state of ${appRef} was written by another tick`);
  }
}

/**
 * Writes the state inside the findings' transaction, first thing (on PostgreSQL the row lock
 * then orders two writers): conditional on the revision read, so of two ticks that read the same
 * revision only one commits; the other throws StateConflict and its findings roll back with it.
 * Returns the new revision and whether a sample slipped in (then the state is marked late).
 */
export async function writeState(tx: Tx, appRef: string, u: StateUpdate, now: Date): Promise<{ revision: number; slipped: boolean }> {
  const data = {
    state: encodeState(u.state), watermark: BigInt(u.watermark), stepMs: u.stepMs, settingsKey: u.key,
    version: STATE_VERSION, updatedAt: now, ...(u.builtLateSeq !== null ? { builtLateSeq: u.builtLateSeq, builtAt: now } : {}),
  };
  let revision: number;
  if (!u.previous) {
    const exists = await tx.detectorState.findUnique({ where: { appRef }, select: { revision: true } });
    if (exists) throw new StateConflict(appRef);
    try {
      await tx.detectorState.create({ data: { appRef, ...data, revision: 1, builtAt: now, builtLateSeq: 0 } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new StateConflict(appRef);
      throw error;
    }
    revision = 1;
  } else {
    const { count } = await tx.detectorState.updateMany({ where: { appRef, revision: u.previous.revision }, data: { ...data, revision: u.previous.revision + 1 } });
    if (count !== 1) throw new StateConflict(appRef);
    revision = u.previous.revision + 1;
  }
  let slipped = false;
  if (u.recount && (await countRawIn(tx, appRef, u.recount.afterMs, u.watermark)) !== u.recount.count) {
    await tx.detectorState.update({ where: { appRef }, data: { lateSeq: { increment: 1 } } });
    slipped = true;
  }
  return { revision, slipped };
}

/** After the write committed: keep the decoded state for the next tick of this process. */
export function remember(appRef: string, revision: number, state: Stored): void {
  cache().set(appRef, { revision, state });
}

/** The decoded state this process holds for an app, if any (tests). */
export function heldState(appRef: string): Stored | undefined {
  return cache().get(appRef)?.state;
}

export function forget(appRef: string): void {
  cache().delete(appRef);
}
