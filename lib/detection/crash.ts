import { MARK_COUNTS, MARK_CRASH, MARK_HELD, type Detector } from "./detector";
import { clock, rps } from "./explain";

export type CrashOptions = {
  /** A sample is "down" below this fraction of the expected value. */
  dropRatio?: number;
  /** Consecutive down samples that confirm a crash (2: detected on the second sample). */
  confirmSamples?: number;
  /** Below this expected level (req/s) a drop to zero is not distinguishable from idling. */
  minExpectedRps?: number;
  /** Recovery: back above this fraction of expected. */
  recoverRatio?: number;
  /** How long the app's own lulls are remembered (default 8 days: a week, so a weekly lull is still known when it recurs, plus a day). */
  lullMemoryMs?: number;
  /** No crash starts before this much of the series (default 1 day: until the daily profile exists). */
  warmUpMs?: number;
};

/** Sample indices of one crash; `end` is the first recovered sample, or -1 while ongoing. */
export type CrashEvent = { start: number; detectedAt: number; end: number };

/**
 * Run length, the run length this run needs to be a crash, the open crash (absolute sample
 * indices), and per length class 2^b (b = 0 … LULL_CLASSES - 1) the sample at which a run of down
 * samples last reached that length (-Infinity: never). JSON-serialisable.
 */
export type CrashState = { run: number; need: number; open: CrashEvent | null; lull: number[]; level: number };

const LULL_CLASSES = 16;

export const createCrashState = (): CrashState => ({ run: 0, need: 0, open: null, lull: new Array<number>(LULL_CLASSES).fill(-Infinity), level: NaN });

/**
 * The run length a down run starting at sample i needs to be a crash: `confirm` samples, or the
 * smallest power of two that no run of down samples reached within the memory (runs that long
 * are this app's normal lulls, e.g. a low-count series at night, not an outage).
 */
function runNeeded(lull: number[], i: number, memory: number, confirm: number): number {
  let need = confirm;
  for (let b = 0; b < LULL_CLASSES; b++) {
    const len = 2 ** b;
    if (len < need) continue;
    if ((lull[b] as number) >= i - memory) need = 2 * len;
    else break;
  }
  return need >= 2 ** LULL_CLASSES ? Infinity : need;
}

/**
 * Finds crashes: traffic falling to a small fraction of the seasonal expectation. A ratio (not a
 * z-score) is used on purpose: "down to 20 % of normal" means the same thing at 3 req/s and at
 * 3000 req/s, and noise never reaches it twice in a row. Two consecutive samples are required
 * so that one lost scrape or one slow bucket does not page anybody; recovery needs a higher ratio
 * (hysteresis) so a flapping service stays one incident.
 *
 * A fall is a crash only when it lasts longer than this app's own lulls: every run of down
 * samples (a crash included) is remembered by its length class (2, 4, 8, … samples) for
 * `lullMemoryMs`, and a new run must reach a length class no run reached in that time. A steady app
 * has no lulls and pages on the second sample; a series that routinely sits at a fifth of its
 * expectation for half an hour (tweets at night, a bursty request count) needs an hour.
 * And the fall must be *from* the expected level: over the hour before it (an EWMA of
 * observed / expected, capped at 1) traffic must have been at least `recoverRatio` of the
 * expectation. A series the model overestimates (a low-count series after a burst) is not down.
 *
 * Step form: values[k] is sample `first + k`; crashes that start or end are pushed to `events`.
 * `marks[k]`, when given, says what the crash made of sample `first + k` (for the trend, which
 * leaves crashes out): MARK_CRASH inside a crash (from the sample that confirms it until it recovers),
 * MARK_HELD for a down sample that may still become part of one (its run is shorter than the
 * run it needs, and that need is at most a day of samples), MARK_COUNTS otherwise. When a crash
 * opens, the held samples before it turn out to be its first samples; when a run ends without
 * one, they were a lull.
 */
export function stepCrashes(
  st: CrashState,
  values: Float64Array,
  expected: Float64Array,
  first: number,
  opts: CrashOptions = {},
  events?: CrashEvent[],
  stepMs = 60_000,
  marks?: Uint8Array,
): void {
  const drop = opts.dropRatio ?? 0.2;
  const confirm = opts.confirmSamples ?? 2;
  const minExpected = opts.minExpectedRps ?? 0.5;
  const recover = opts.recoverRatio ?? 0.5;
  const memory = Math.round((opts.lullMemoryMs ?? 8 * 86_400_000) / stepMs);
  // weight of one sample in the hour-long EWMA of observed / expected
  const w = Math.min(0.5, stepMs / 3_600_000);
  // the first day's expectation is a level without a daily profile: no crash is judged on it
  const warmUp = Math.round((opts.warmUpMs ?? 86_400_000) / stepMs);
  // a run that needs more than a day to be a crash is not held back: after a day of outliers the
  // expectation relearns the level (expected.ts), so such a run never becomes one in practice
  const holdMax = Math.round(86_400_000 / stepMs);
  const lull = st.lull;
  const n = values.length;
  let run = st.run;
  let need = st.need;
  let open = st.open;
  let level = st.level;
  for (let k = 0; k < n; k++) {
    const e = expected[k] as number;
    const x = values[k] as number;
    // a missing sample (NaN) says nothing: it neither confirms a crash nor ends one
    if (x !== x) {
      if (!open) run = 0;
      if (marks) marks[k] = open ? MARK_CRASH : MARK_COUNTS;
      continue;
    }
    const i = first + k;
    const down = e >= minExpected && x < drop * e;
    const r = e > 0 ? Math.min(1, x / e) : 1;
    if (down) {
      run++;
      if (run === 1) need = level >= recover && i >= warmUp ? runNeeded(lull, i, memory, confirm) : Infinity;
      // every run of down samples, crash or not, is remembered by the length classes it reached
      if ((run & (run - 1)) === 0) {
        const b = Math.log2(run);
        if (b < LULL_CLASSES) lull[b] = i;
      }
    }
    level = level === level ? level + w * (r - level) : r;
    if (open) {
      if (x >= recover * e) {
        open.end = i;
        open = null;
        run = 0;
      } else if (!down) run = 0;
      if (marks) marks[k] = open ? MARK_CRASH : MARK_COUNTS;
      continue;
    }
    let mark = MARK_COUNTS;
    if (down) {
      if (run >= need) {
        open = { start: i - run + 1, detectedAt: i, end: -1 };
        events?.push(open);
        mark = MARK_CRASH;
      } else if (need <= holdMax) mark = MARK_HELD;
    } else run = 0;
    if (marks) marks[k] = mark;
  }
  st.level = level;
  st.run = run;
  st.need = need;
  st.open = open;
}

/** Every crash of a whole series (one step over all of it). */
export function scanCrashes(values: Float64Array, expected: Float64Array, opts: CrashOptions = {}, stepMs = 60_000): CrashEvent[] {
  const events: CrashEvent[] = [];
  stepCrashes(createCrashState(), values, expected, 0, opts, events, stepMs);
  return events;
}

/** The crash detector: critical while a crash is ongoing at the latest sample. */
export const crashDetector: Detector<CrashState> = {
  name: "crash",
  create: () => createCrashState(),
  step: (st, c, settings) => stepCrashes(st, c.values, c.expected, c.first, settings.crash, undefined, c.stepMs, c.marks),
  evaluate(st, at) {
    if (!st.open) return { finding: null };
    const from = at.start + st.open.start * at.stepMs;
    const seen = at.observed === at.observed ? at.observed : 0;
    const exp = at.expected;
    return {
      finding: {
        detector: "crash", severity: "critical", startedAt: from, observed: seen, expected: exp, band: at.band,
        deviation: exp > 0 ? 1 - seen / exp : 1, window: { from, to: at.lastTs },
        explanation: `Traffic fell to ${rps(seen)} req/s at ${clock(from, at.zone)}, far below the ${rps(exp)} req/s expected at this time of day; check whether ${at.name} is up.`,
      },
    };
  },
};
