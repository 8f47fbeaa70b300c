// NAB scoring (Numenta Anomaly Benchmark v1.1 rules), written for the cross-validation: one
// threshold per profile swept over a chosen subset of files, then scored on another subset.
//
// Rules (NAB's nab/sweeper.py and nab/scorer.py):
// - the first min(floor(0.15·n), 750) rows of a file are probation and not scored;
// - a row is a detection when its score ≥ the threshold;
// - in a labelled window only the best (earliest) detection counts, worth
//   tpWeight · scaledSigmoid(position) / scaledSigmoid(-1), position -1 at the window's start and 0
//   at its end; a window without a detection costs fnWeight;
// - a detection outside a window costs fpWeight · |scaledSigmoid(distance past the previous window,
//   in window lengths)|, and the full fpWeight before the file's first window;
// - normalised score = 100 · (raw − null) / (perfect − null): perfect = tpWeight · windows, null =
//   a detector with one constant score (whose best threshold is "never fire").
import type { NabFile } from "./corpus";

export type Profile = { name: "standard" | "reward_low_FP_rate" | "reward_low_FN_rate"; tp: number; fp: number; fn: number };

export const PROFILES: Profile[] = [
  { name: "standard", tp: 1, fp: 0.11, fn: 1 },
  { name: "reward_low_FP_rate", tp: 1, fp: 0.22, fn: 1 },
  { name: "reward_low_FN_rate", tp: 1, fp: 0.11, fn: 2 },
];

/** Above any score in [0, 1]: the "never fire" threshold the sweep starts from. */
const NEVER = 1.1;

const scaledSigmoid = (p: number) => (p > 3 ? -1 : 2 / (1 + Math.exp(5 * p)) - 1);
const MAX_TP = scaledSigmoid(-1);

/** Per file, per scorable row: unweighted value (positive in a window) and window index (-1: none). */
export type Sweep = { key: string; category: string; windows: number; first: number; unw: Float64Array; win: Int32Array };

export function sweepOf(file: NabFile, probation = 0.15): Sweep {
  const { ts, windows } = file;
  const n = ts.length;
  const firstAt = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!firstAt.has(ts[i] as number)) firstAt.set(ts[i] as number, i);
  for (const [a, b] of windows) {
    if (!firstAt.has(a) || !firstAt.has(b)) throw new Error(`${file.key}: a window edge matches no timestamp`);
  }
  const first = Math.min(Math.floor(probation * n), probation * 5000);
  const unw = new Float64Array(n - first);
  const win = new Int32Array(n - first).fill(-1);
  // Walk the rows as NAB does: a window opens on the row equal to its start and closes on the row
  // equal to its end; its right edge and width come from the first rows with those timestamps.
  let next = 0;
  let cur = -1;
  let right = -1;
  let width = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const t = ts[i] as number;
    if (cur < 0 && next < windows.length && t === windows[next]![0]) {
      cur = next++;
      right = firstAt.get(windows[cur]![1]) as number;
      width = right - (firstAt.get(windows[cur]![0]) as number) + 1;
    }
    let u: number;
    if (cur >= 0) u = scaledSigmoid(-(right - i + 1) / width);
    else if (prevRight < 0) u = -1;
    else u = scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1));
    if (i >= first) {
      unw[i - first] = u;
      if (cur >= 0) win[i - first] = cur;
    }
    if (cur >= 0 && t === windows[cur]![1]) {
      prevRight = i;
      prevWidth = width;
      cur = -1;
    }
  }
  return { key: file.key, category: file.category, windows: windows.length, first, unw, win };
}

export type FileResult = { raw: number; windowsHit: number; windowsScored: number; fpRows: number };

/**
 * The scorable rows of several files under one detector's scores, sorted once by score so that any
 * subset of files can be swept for its best threshold.
 */
export class Pool {
  private readonly score: Float64Array;
  private readonly unw: Float64Array;
  private readonly file: Int32Array;
  /** Window id unique across the pool, -1 outside windows. */
  private readonly win: Int32Array;
  private readonly order: Uint32Array;
  private readonly windowFile: Int32Array;

  constructor(readonly sweeps: Sweep[], scores: Float64Array[]) {
    const total = sweeps.reduce((a, s) => a + s.unw.length, 0);
    this.score = new Float64Array(total);
    this.unw = new Float64Array(total);
    this.file = new Int32Array(total);
    this.win = new Int32Array(total);
    const windowFile: number[] = [];
    let k = 0;
    sweeps.forEach((s, f) => {
      const base = windowFile.length;
      for (let w = 0; w < s.windows; w++) windowFile.push(f);
      const sc = scores[f] as Float64Array;
      if (sc.length !== s.unw.length + s.first) throw new Error(`${s.key}: ${sc.length} scores for ${s.unw.length + s.first} rows`);
      for (let i = 0; i < s.unw.length; i++, k++) {
        const v = sc[i + s.first] as number;
        this.score[k] = v === v ? v : 0;
        this.unw[k] = s.unw[i] as number;
        this.file[k] = f;
        this.win[k] = s.win[i]! >= 0 ? base + s.win[i]! : -1;
      }
    });
    this.windowFile = Int32Array.from(windowFile);
    this.order = Uint32Array.from({ length: total }, (_, i) => i).sort((a, b) => this.score[b]! - this.score[a]! || a - b);
  }

  private weight(k: number, p: Profile): number {
    return this.win[k]! >= 0 ? (this.unw[k]! * p.tp) / MAX_TP : this.unw[k]! * p.fp;
  }

  /** Windows with at least one scorable row, among the included files. */
  private scoredWindows(include: (f: number) => boolean): Uint8Array {
    const present = new Uint8Array(this.windowFile.length);
    for (let k = 0; k < this.win.length; k++) if (this.win[k]! >= 0 && include(this.file[k]!)) present[this.win[k]!] = 1;
    return present;
  }

  /**
   * The threshold that maximises the raw score over the included files: every distinct score is
   * a candidate, from "never fire" down; among equal totals the highest threshold wins (as in NAB).
   */
  optimise(p: Profile, include: (f: number) => boolean = () => true): { threshold: number; raw: number } {
    const present = this.scoredWindows(include);
    const best = new Float64Array(present.length).fill(-p.fn);
    let total = 0;
    for (const x of present) if (x) total -= p.fn;
    let top = { threshold: NEVER, raw: total };
    const { order, score } = this;
    for (let j = 0; j < order.length; j++) {
      const k = order[j]!;
      if (!include(this.file[k]!)) continue;
      const w = this.win[k]!;
      const v = this.weight(k, p);
      if (w < 0) total += v;
      else if (v > best[w]!) {
        total += v - best[w]!;
        best[w] = v;
      }
      // A candidate threshold ends where the next included row has a lower score.
      let m = j + 1;
      while (m < order.length && !include(this.file[order[m]!]!)) m++;
      if (m < order.length && score[order[m]!] === score[k]) continue;
      if (total > top.raw + 1e-12) top = { threshold: score[k]!, raw: total };
    }
    return top;
  }

  /** Raw score of each included file at a fixed threshold (detection: score ≥ threshold). */
  at(p: Profile, threshold: number, include: (f: number) => boolean = () => true): Map<number, FileResult> {
    const out = new Map<number, FileResult>();
    const best = new Float64Array(this.windowFile.length).fill(NaN);
    for (let k = 0; k < this.score.length; k++) {
      const f = this.file[k]!;
      if (!include(f)) continue;
      let r = out.get(f);
      if (!r) out.set(f, (r = { raw: 0, windowsHit: 0, windowsScored: 0, fpRows: 0 }));
      const w = this.win[k]!;
      if (w >= 0 && best[w] !== best[w]) {
        best[w] = -p.fn;
        r.windowsScored++;
      }
      if (this.score[k]! < threshold) continue;
      const v = this.weight(k, p);
      if (w < 0) {
        r.raw += v;
        r.fpRows++;
      } else if (v > best[w]!) {
        if (best[w] === -p.fn) r.windowsHit++;
        best[w] = v;
      }
    }
    best.forEach((v, w) => {
      if (v === v) out.get(this.windowFile[w]!)!.raw += v;
    });
    return out;
  }
}

/** Perfect and null raw scores of a set of files (normalisation constants). */
export function bounds(sweeps: Sweep[], p: Profile): { perfect: number; null: number } {
  const windows = sweeps.reduce((a, s) => a + s.windows, 0);
  // The null detector gives every row one score: fire everywhere or never, whichever is better.
  let never = 0;
  let always = 0;
  for (const s of sweeps) {
    const seen = new Set<number>();
    for (let i = 0; i < s.unw.length; i++) {
      const w = s.win[i]!;
      if (w < 0) always += s.unw[i]! * p.fp;
      else if (!seen.has(w)) {
        seen.add(w);
        never -= p.fn;
        always += (s.unw[i]! * p.tp) / MAX_TP;
      }
    }
  }
  return { perfect: windows * p.tp, null: Math.max(never, always) };
}

export const normalise = (raw: number, b: { perfect: number; null: number }) => (100 * (raw - b.null)) / (b.perfect - b.null);
