import type { Detector } from "./detector";
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
};

/** Sample indices of one crash; `end` is the first recovered sample, or -1 while ongoing. */
export type CrashEvent = { start: number; detectedAt: number; end: number };

/** Run length and the open crash (absolute sample indices); JSON-serialisable. */
export type CrashState = { run: number; open: CrashEvent | null };

export const createCrashState = (): CrashState => ({ run: 0, open: null });

/**
 * Finds crashes: traffic falling to a small fraction of the seasonal expectation. A ratio (not a
 * z-score) is used on purpose: "down to 20 % of normal" means the same thing at 3 req/s and at
 * 3000 req/s, and noise never reaches it twice in a row. Two consecutive samples are required
 * so that one lost scrape or one slow bucket does not page anybody; recovery needs a higher ratio
 * (hysteresis) so a flapping service stays one incident.
 *
 * Step form: values[k] is sample `first + k`; crashes that start or end are pushed to `events`.
 */
export function stepCrashes(
  st: CrashState,
  values: Float64Array,
  expected: Float64Array,
  first: number,
  opts: CrashOptions = {},
  events?: CrashEvent[],
): void {
  const drop = opts.dropRatio ?? 0.2;
  const confirm = opts.confirmSamples ?? 2;
  const minExpected = opts.minExpectedRps ?? 0.5;
  const recover = opts.recoverRatio ?? 0.5;
  const n = values.length;
  let run = st.run;
  let open = st.open;
  for (let k = 0; k < n; k++) {
    const e = expected[k] as number;
    const x = values[k] as number;
    // a missing sample (NaN) says nothing: it neither confirms a crash nor ends one
    if (x !== x) {
      if (!open) run = 0;
      continue;
    }
    if (open) {
      if (x >= recover * e) {
        open.end = first + k;
        open = null;
        run = 0;
      }
      continue;
    }
    if (e >= minExpected && x < drop * e) {
      run++;
      if (run >= confirm) {
        const i = first + k;
        open = { start: i - run + 1, detectedAt: i, end: -1 };
        events?.push(open);
      }
    } else run = 0;
  }
  st.run = run;
  st.open = open;
}

/** Every crash of a whole series (one step over all of it). */
export function scanCrashes(values: Float64Array, expected: Float64Array, opts: CrashOptions = {}): CrashEvent[] {
  const events: CrashEvent[] = [];
  stepCrashes(createCrashState(), values, expected, 0, opts, events);
  return events;
}

/** The crash detector: critical while a crash is ongoing at the latest sample. */
export const crashDetector: Detector<CrashState> = {
  name: "crash",
  create: () => createCrashState(),
  step: (st, c, settings) => stepCrashes(st, c.values, c.expected, c.first, settings.crash),
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
