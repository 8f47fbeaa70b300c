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

/**
 * Finds crashes: traffic falling to a small fraction of the seasonal expectation. A ratio (not a
 * z-score) is used on purpose: "down to 20 % of normal" means the same thing at 3 req/s and at
 * 3000 req/s, and noise never reaches it twice in a row. Two consecutive samples are required
 * so that one lost scrape or one slow bucket does not page anybody; recovery needs a higher ratio
 * (hysteresis) so a flapping service stays one incident.
 */
export function scanCrashes(
  values: Float64Array,
  expected: Float64Array,
  opts: CrashOptions = {},
): CrashEvent[] {
  const drop = opts.dropRatio ?? 0.2;
  const confirm = opts.confirmSamples ?? 2;
  const minExpected = opts.minExpectedRps ?? 0.5;
  const recover = opts.recoverRatio ?? 0.5;
  const events: CrashEvent[] = [];
  const n = values.length;
  let run = 0;
  let open: CrashEvent | null = null;
  for (let i = 0; i < n; i++) {
    const e = expected[i] as number;
    const raw = values[i] as number;
    const x = raw === raw ? raw : 0;
    if (open) {
      if (x >= recover * e) {
        open.end = i;
        open = null;
        run = 0;
      }
      continue;
    }
    if (e >= minExpected && x < drop * e) {
      run++;
      if (run >= confirm) {
        open = { start: i - run + 1, detectedAt: i, end: -1 };
        events.push(open);
      }
    } else run = 0;
  }
  return events;
}
