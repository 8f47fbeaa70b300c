import { DAY_MS } from "./types";

export type AnomalyOptions = {
  /** Sample spacing; enables the "same time yesterday" view and day-based warm-up/suppression. */
  stepMs?: number;
};

const STREAMS = 5;
const BINS = 20;
const OFFSET = 2048;
const MIN_WARMUP = 200;
const GAP = 16;

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
 */
export class AnomalyDetector {
  private readonly lag: number;
  private readonly warmup: number;
  private readonly mute: number;
  private readonly seen = new Uint8Array(STREAMS * 2 * OFFSET);
  private readonly lo = new Float64Array(STREAMS).fill(Infinity);
  private readonly hi = new Float64Array(STREAMS).fill(-Infinity);
  private readonly width = new Float64Array(STREAMS).fill(1);
  private readonly count = new Uint32Array(STREAMS);
  private readonly recent = new Float64Array(GAP);
  private readonly yesterday: Float64Array;
  private readonly feats = new Float64Array(STREAMS);
  private n = 0;
  private sum4 = 0;
  private sum16 = 0;
  private rate = 0;
  private lastFire = -Infinity;

  constructor(opts: AnomalyOptions = {}) {
    const perDay = opts.stepMs ? Math.round(DAY_MS / opts.stepMs) : 0;
    this.lag = perDay > 1 && perDay <= 4096 ? perDay : 0;
    this.warmup = Math.max(MIN_WARMUP, this.lag);
    this.mute = this.lag > 0 ? Math.round(this.lag / 4) : 100;
    this.yesterday = new Float64Array(Math.max(1, this.lag));
  }

  update(x: number): number {
    if (x !== x) return 0;
    const i = this.n++;
    const r = this.recent;
    const slot = i & (GAP - 1);
    this.sum16 += x - (i >= GAP ? (r[slot] as number) : 0);
    this.sum4 += x - (i >= 4 ? (r[(i - 4) & (GAP - 1)] as number) : 0);
    r[slot] = x;
    const m = i + 1 < GAP ? i + 1 : GAP;
    let mx = x;
    let mn = x;
    for (let k = 0; k < m; k++) {
      const v = r[k] as number;
      if (v > mx) mx = v;
      if (v < mn) mn = v;
    }
    const mean4 = this.sum4 / (i + 1 < 4 ? i + 1 : 4);
    const f = this.feats;
    f[0] = x;
    f[1] = mean4;
    f[2] = mx - mn;
    f[3] = x - this.sum16 / m;
    f[4] = NaN;
    const day = this.lag > 0 ? i % this.lag : 0;
    if (this.lag > 0 && i >= this.lag) f[4] = mean4 - (this.yesterday[day] as number);
    let dist = 0;
    for (let s = 0; s < STREAMS - 1; s++) {
      const d = this.observe(s, f[s] as number);
      if (d > dist) dist = d;
    }
    // A sample unlike anything seen does not become tomorrow's reference, or it would echo a day later.
    if (this.lag > 0 && (dist === 0 || i < this.lag)) this.yesterday[day] = mean4;
    const dd = this.observe(STREAMS - 1, f[STREAMS - 1] as number);
    if (dd > dist) dist = dd;
    const rate = this.rate;
    this.rate += 0.02 * ((dist > 0 ? 1 : 0) - rate);
    if (this.n < this.warmup || dist === 0) return 0;
    // 0.625 for a bin right beside the tolerance, 1 for 8+ bins away; minus the recent novelty rate.
    const score = 0.5 + 0.5 * Math.min(1, (Math.log2(dist) + 1) / 4) - rate;
    if (score < 0.5) return score > 0 ? score : 0;
    if (this.n - this.lastFire <= this.mute) return 0;
    this.lastFire = this.n;
    return score > 1 ? 1 : score;
  }

  /** Visits the bin of view s; returns 0 when a neighbouring bin was visited, else the distance. */
  private observe(s: number, v: number): number {
    if (v !== v) return 0;
    if ((this.count[s] as number) < this.warmup) {
      this.count[s] = (this.count[s] as number) + 1;
      if (v < (this.lo[s] as number)) this.lo[s] = v;
      if (v > (this.hi[s] as number)) this.hi[s] = v;
      const span = (this.hi[s] as number) - (this.lo[s] as number);
      this.width[s] = span > 0 ? span / BINS : Math.max(1e-9, Math.abs(v) * 0.01);
    }
    let q = Math.floor((v - (this.lo[s] as number)) / (this.width[s] as number));
    q = (q < -OFFSET + 80 ? -OFFSET + 80 : q > OFFSET - 80 ? OFFSET - 80 : q) + OFFSET + s * 2 * OFFSET;
    const seen = this.seen;
    let d = 0;
    if ((this.count[s] as number) >= this.warmup && !seen[q - 1] && !seen[q] && !seen[q + 1]) {
      d = 1;
      while (d < 64 && !seen[q - 1 - d] && !seen[q + 1 + d]) d++;
    }
    seen[q] = 1;
    return d;
  }
}

/** Scores a whole series with one fresh detector (same result as feeding `update` one by one). */
export function anomalyScores(values: Float64Array, opts: AnomalyOptions = {}, out?: Float64Array): Float64Array {
  const det = new AnomalyDetector(opts);
  const res = out ?? new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) res[i] = det.update(values[i] as number);
  return res;
}
