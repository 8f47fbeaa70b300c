import { createState, finishWarmup, GAP, observe, resetState, type AnomalyOptions, type State } from "./anomaly-views";
import type { Detector } from "./detector";
import { clock, rps } from "./explain";

export type { AnomalyOptions } from "./anomaly-views";

/** Anomaly score at or above which the anomaly detector raises a finding, unless settings say otherwise. */
export const ANOMALY_THRESHOLD = 0.95;

/**
 * Online anomaly score in [0, 1]; the score of sample t depends only on samples 0..t.
 *
 * The detector watches five views of the series — the value, its 4-sample mean, the range of the
 * last 16 samples (volatility), the value minus its 16-sample mean (a spike against the local
 * level) and the 4-sample mean minus the same a day earlier (a change against yesterday). Each view
 * is cut into bins of 1/20 of the range it spanned during warm-up (one day, at least 200 samples),
 * and remembers which bins it has ever visited. A sample is anomalous when some view lands in a
 * bin with no visited bin beside it: a value, level, volatility or day-over-day change never seen
 * before. That is a distance-free test, so it needs no distribution assumptions and adapts to any
 * scale; it is also O(1) per sample.
 * The score grows with the distance to the nearest visited bin and shrinks when novelty has been
 * frequent lately (a drifting series keeps visiting new bins, which is not news). After a
 * detection, scores are muted for a quarter of a day (100 samples without a step) so one incident
 * is reported once.
 *
 * scoreInto is the one implementation: it scores values[from..to) into out, continuing from `st`,
 * with all running scalars in locals (several times faster than fields on an object).
 */
function scoreInto(st: State, values: Float64Array, from: number, to: number, out: Float64Array): void {
  const { lag, warmup, mute, recent, sufMax, sufMin, yesterday, early, rateWeight } = st;
  const sc = st.scalars;
  let n = sc[0] as number;
  let day = sc[1] as number;
  let sum4 = sc[2] as number;
  let sum16 = sc[3] as number;
  let rate = sc[4] as number;
  let lastFire = sc[5] as number;
  let curMax = sc[6] as number;
  let curMin = sc[7] as number;
  for (let t = from; t < to; t++) {
    const x = values[t] as number;
    if (x !== x) {
      out[t] = 0;
      continue;
    }
    const i = n++;
    const slot = i & (GAP - 1);
    sum16 += x - (i >= GAP ? (recent[slot] as number) : 0);
    sum4 += x - (i >= 4 ? (recent[(i - 4) & (GAP - 1)] as number) : 0);
    recent[slot] = x;
    // Range of the last GAP samples: this block's running max/min and the previous block's suffix.
    if (x > curMax) curMax = x;
    if (x < curMin) curMin = x;
    let mx = curMax;
    let mn = curMin;
    if (slot < GAP - 1) {
      const a = sufMax[slot + 1] as number;
      const b = sufMin[slot + 1] as number;
      if (a > mx) mx = a;
      if (b < mn) mn = b;
    } else {
      let hi = -Infinity;
      let lo = Infinity;
      for (let k = GAP - 1; k >= 0; k--) {
        const v = recent[k] as number;
        if (v > hi) hi = v;
        if (v < lo) lo = v;
        sufMax[k] = hi;
        sufMin[k] = lo;
      }
      curMax = -Infinity;
      curMin = Infinity;
    }
    const mean4 = i >= 3 ? sum4 * 0.25 : sum4 / (i + 1);
    const dev = x - (i >= GAP - 1 ? sum16 * (1 / GAP) : sum16 / (i + 1));
    // Views 0-3 start with the series, view 4 one day later: sample counts follow from i.
    let dist = 0;
    if (i < warmup) {
      early[i] = x;
      early[warmup + i] = mean4;
      early[2 * warmup + i] = mx - mn;
      early[3 * warmup + i] = dev;
      if (i + 1 === warmup) for (let s = 0; s < 4; s++) finishWarmup(st, s);
    } else {
      dist = observe(st, 0, i, x);
      let d = observe(st, 1, i, mean4);
      if (d > dist) dist = d;
      d = observe(st, 2, i, mx - mn);
      if (d > dist) dist = d;
      d = observe(st, 3, i, dev);
      if (d > dist) dist = d;
    }
    if (lag > 0) {
      const slotDay = day;
      day = day + 1 === lag ? 0 : day + 1;
      if (i >= lag) {
        const dd = observe(st, 4, i - lag, mean4 - (yesterday[slotDay] as number));
        // A sample unlike anything seen does not become tomorrow's reference, or it would echo.
        if (dist === 0) yesterday[slotDay] = mean4;
        if (dd > dist) dist = dd;
      } else yesterday[slotDay] = mean4;
    }
    const r = rate;
    rate += rateWeight * ((dist > 0 ? 1 : 0) - r);
    let score = 0;
    if (dist > 0 && n >= warmup) {
      // 0.625 for a bin right beside the tolerance, 1 for 8+ bins away; minus the recent novelty rate.
      score = 0.5 + 0.5 * Math.min(1, (Math.log2(dist) + 1) / 4) - r;
      if (score < 0) score = 0;
      else if (score >= 0.5) {
        if (n - lastFire <= mute) score = 0;
        else {
          lastFire = n;
          if (score > 1) score = 1;
        }
      }
    }
    out[t] = score;
  }
  sc[0] = n;
  sc[1] = day;
  sc[2] = sum4;
  sc[3] = sum16;
  sc[4] = rate;
  sc[5] = lastFire;
  sc[6] = curMax;
  sc[7] = curMin;
  // Warm-up values are never read again once every view has finished its warm-up.
  if (n >= warmup + lag && early.length > 0) st.early = new Float64Array(0);
}

/** Scores values[0..n) into out, continuing from `st` (the step form of the detector). */
export function stepAnomaly(st: State, values: Float64Array, out: Float64Array): void {
  scoreInto(st, values, 0, values.length, out);
}

/** Streaming form: feed samples one at a time (the server can keep one per app between runs). */
export class AnomalyDetector {
  private readonly st: State;
  private readonly one = new Float64Array(1);
  private readonly input = new Float64Array(1);

  constructor(opts: AnomalyOptions = {}) {
    this.st = createState(opts);
  }

  update(x: number): number {
    this.input[0] = x;
    scoreInto(this.st, this.input, 0, 1, this.one);
    return this.one[0] as number;
  }
}

let spare: { st: State; opts: AnomalyOptions } | null = null;
const sameOptions = (a: AnomalyOptions, b: AnomalyOptions) =>
  a.stepMs === b.stepMs && a.bins === b.bins && a.rateDays === b.rateDays && a.muteDays === b.muteDays && a.warmupDays === b.warmupDays;

/**
 * Scores a whole series from scratch (same result as feeding `AnomalyDetector.update` one by one).
 * The state buffers (~80 kB) are recycled between calls: allocating them per app costs more than
 * scoring a day of samples.
 */
export function anomalyScores(values: Float64Array, opts: AnomalyOptions = {}, out?: Float64Array): Float64Array {
  let st: State;
  if (spare && sameOptions(spare.opts, opts)) {
    st = spare.st;
    resetState(st);
  } else st = createState(opts);
  spare = null;
  const res = out ?? new Float64Array(values.length);
  scoreInto(st, values, 0, values.length, res);
  spare = { st, opts: { ...opts } };
  return res;
}

/**
 * The anomaly detector's state: the scorer's, plus score, value and expectation of the samples in
 * the trailing evaluation interval (ring buffers indexed by sample number modulo their length).
 */
export type AnomalyState = { stepMs: number; st: State; score: Float64Array; value: Float64Array; expected: Float64Array };

let chunkScores = new Float64Array(0);
const lookbackOf = (stepMs: number, settings: { evaluationIntervalMs?: number }) =>
  Math.max(1, Math.round((settings.evaluationIntervalMs ?? 5 * stepMs) / stepMs));

/**
 * The anomaly detector: informational while the peak score of the trailing evaluation interval
 * reaches the threshold (0.95), unless a crash explains it. The score spikes on one sample and is
 * then muted, so the whole interval since the previous evaluation is looked at.
 */
export const anomalyDetector: Detector<AnomalyState> = {
  name: "anomaly",
  create(grid, settings, recycle) {
    const len = lookbackOf(grid.stepMs, settings);
    if (recycle && recycle.score.length === len && recycle.stepMs === grid.stepMs) {
      resetState(recycle.st);
      return recycle;
    }
    const st = createState({ stepMs: grid.stepMs });
    return { stepMs: grid.stepMs, st, score: new Float64Array(len), value: new Float64Array(len), expected: new Float64Array(len) };
  },
  step(a, c) {
    const n = c.values.length;
    if (chunkScores.length < n) chunkScores = new Float64Array(Math.max(n, 2 * chunkScores.length));
    const scores = chunkScores.subarray(0, n);
    scoreInto(a.st, c.values, 0, n, scores);
    const len = a.score.length;
    for (let k = Math.max(0, n - len); k < n; k++) {
      const slot = (c.first + k) % len;
      a.score[slot] = scores[k] as number;
      a.value[slot] = c.values[k] as number;
      a.expected[slot] = c.expected[k] as number;
    }
  },
  evaluate(a, at, settings) {
    const len = a.score.length;
    const last = at.n - 1;
    const score = a.score[last % len] as number;
    const signals = { anomalyScore: score };
    let peak = last;
    for (let i = Math.max(0, at.n - len); i < at.n; i++) if ((a.score[i % len] as number) > (a.score[peak % len] as number)) peak = i;
    const peakScore = a.score[peak % len] as number;
    if (peakScore < (settings.anomalyThreshold ?? ANOMALY_THRESHOLD) || at.findings.some((f) => f.detector === "crash")) return { finding: null, signals };
    const when = at.start + peak * at.stepMs;
    const seen = a.value[peak % len] as number;
    const wanted = a.expected[peak % len] as number;
    return {
      signals,
      finding: {
        detector: "anomaly", severity: "info", startedAt: when, observed: seen, expected: wanted, band: at.band,
        deviation: peakScore, window: { from: at.start + (at.n - len) * at.stepMs, to: at.lastTs },
        explanation: `Traffic of ${rps(seen)} req/s at ${clock(when, at.zone)} is unlike anything seen before for ${at.name} (anomaly score ${peakScore.toFixed(2)}; about ${rps(wanted)} req/s was expected); look at its recent changes.`,
      },
    };
  },
};
