import { MARK_CRASH, MARK_HELD, type Detector } from "./detector";
import { percent } from "./explain";
import { DAY_MS, type Series } from "./types";

export type TrendOptions = {
  /** Local midnight of the app's users, as an offset from UTC midnight (ms). */
  dayOffsetMs?: number;
  /** Smallest daily rate worth a finding (0.01 = 1 %/day). */
  minRatePerDay?: number;
};

export type TrendEstimate = {
  /** Fraction per day (-0.02 = losing 2 %/day). */
  ratePerDay: number;
  /** True when the change is large and consistent enough for a finding. */
  significant: boolean;
  /** "week" when days were compared with the same weekday a week earlier, else "day". */
  basis: "week" | "day";
};

const EPS = 1e-3;

/**
 * Sums and counts of the non-missing values per block of grid samples, for the last 13 days.
 * A block is one hour of samples when the step divides a day and an hour's samples divide a day
 * (1, 5, 10, 15, 30, 60 minutes …), so an hour's mean is one lookup; for other steps a block is
 * one sample. Block b covers samples [phase + b·size, phase + (b+1)·size). Adding the samples of
 * an hour in order gives bit for bit the sum a pass over the raw values gives.
 */
export type TrendState = {
  size: number;
  phase: number;
  /** Per ring slot: block number, sum, count. */
  id: Float64Array;
  sum: Float64Array;
  cnt: Float64Array;
  /**
   * The loss episode (trendDetector): sample count at the last hourly check that found a
   * significant loss, at the first check of the episode, that check's rate, and the number of
   * consecutive significant checks. [-Infinity, -Infinity, NaN, 0] when none.
   */
  held: Float64Array;
  /** Index (mod a day) at which a calendar day starts. */
  day0: number;
  /**
   * The series' own week-over-week variability: per completed calendar day (ring of REF_DAYS
   * slots), its day number and the log ratio of that day to the same weekday a week earlier.
   */
  wowId: Float64Array;
  wow: Float64Array;
  /**
   * Samples held back while they may be the start of a crash (MARK_HELD): per ring slot, their
   * sum and count; `pend` is the block of the first of them, -Infinity when none is held. They
   * join sum and cnt when their run ends without a crash and are dropped when it becomes one.
   */
  psum: Float64Array;
  pcnt: Float64Array;
  pend: number;
};

/**
 * A loss episode stays one finding until 3 days pass without a significant hourly check: the
 * estimate compares the last 4 days, so a loss seen again within 3 days rests on the same days.
 */
const HOLD_MS = 3 * DAY_MS;
/** Consecutive significant hourly checks before a loss is reported (1: a second one would push a 2 %/day loss past 3 days). */
const SUSTAIN_CHECKS = 1;

const KEEP_DAYS = 13;
/** Completed days whose week-over-week ratios measure the series' own day-to-day variability. */
const REF_DAYS = 28;
/** Fewest such days before the variability counts (a scale from fewer is no estimate). */
const REF_MIN = 3;

function geometry(stepMs: number) {
  const perDay = Math.round(DAY_MS / stepMs);
  const perHour = Math.max(1, Math.round(perDay / 24));
  return { perDay, perHour };
}

export function createTrendState(start: number, stepMs: number, opts: TrendOptions = {}): TrendState {
  const { perDay, perHour } = geometry(stepMs);
  const aligned = DAY_MS % stepMs === 0 && perDay % perHour === 0;
  const size = aligned ? perHour : 1;
  // The index at which a calendar day starts is the same modulo `size` for every day.
  const t0 = Math.ceil(((opts.dayOffsetMs ?? 0) - start) / stepMs);
  const slots = Math.ceil((KEEP_DAYS * perDay) / size) + 1;
  return {
    size, phase: ((t0 % size) + size) % size, id: new Float64Array(slots).fill(-Infinity), sum: new Float64Array(slots), cnt: new Float64Array(slots),
    held: Float64Array.from([-Infinity, -Infinity, NaN, 0]), day0: ((t0 % perDay) + perDay) % perDay,
    wowId: new Float64Array(REF_DAYS).fill(-Infinity), wow: new Float64Array(REF_DAYS),
    psum: new Float64Array(slots), pcnt: new Float64Array(slots), pend: -Infinity,
  };
}

/**
 * Ends the held run of samples (blocks st.pend … `to`): adds them to the hour sums (`keep`, the run
 * was a lull) or drops them (it became a crash). A run is shorter than a day (crash.ts), so its
 * blocks are all still in the ring.
 */
function endHeld(st: TrendState, to: number, keep: boolean): void {
  const { id, sum, cnt, psum, pcnt } = st;
  const slots = id.length;
  for (let b = st.pend; b <= to; b++) {
    const slot = ((b % slots) + slots) % slots;
    if (keep && id[slot] === b) {
      sum[slot] = (sum[slot] as number) + (psum[slot] as number);
      cnt[slot] = (cnt[slot] as number) + (pcnt[slot] as number);
    }
    psum[slot] = 0;
    pcnt[slot] = 0;
  }
  st.pend = -Infinity;
}

/** Hourly means of the day starting at sample `from` (hours × 1), NaN for an hour without data. */
function dayMeans(st: TrendState, from: number, perHour: number, hours: number, into: Float64Array, at: number): boolean {
  const { size, phase, id, sum: sums, cnt: cnts } = st;
  const slots = id.length;
  for (let h = 0; h < hours; h++) {
    let sum = 0;
    let cnt = 0;
    const f = from + h * perHour;
    for (let b = Math.floor((f - phase) / size), end = b + perHour / size; b < end; b++) {
      const slot = ((b % slots) + slots) % slots;
      if (id[slot] !== b) return false;
      sum += sums[slot] as number;
      cnt += cnts[slot] as number;
    }
    into[at + h] = cnt > 0 ? sum / cnt : NaN;
  }
  return true;
}

/**
 * When sample `fed - 1` completed a calendar day, records that day's week-over-week log ratio
 * (dayRatio over its 24 hours against the same weekday a week earlier) in the reference ring.
 */
function recordDay(st: TrendState, fed: number, stepMs: number): void {
  const { perDay, perHour } = geometry(stepMs);
  if ((((fed - st.day0) % perDay) + perDay) % perDay !== 0) return;
  const from = fed - perDay;
  const before = from - 7 * perDay;
  if (before < 0) return;
  const hours = Math.floor(perDay / perHour);
  const means = new Float64Array(2 * hours);
  if (!dayMeans(st, from, perHour, hours, means, 0) || !dayMeans(st, before, perHour, hours, means, hours)) return;
  const r = dayRatio(means, hours, 0, 1).mean;
  if (!Number.isFinite(r)) return;
  const day = Math.round((from - st.day0) / perDay);
  const slot = ((day % REF_DAYS) + REF_DAYS) % REF_DAYS;
  st.wowId[slot] = day;
  st.wow[slot] = r;
}

/**
 * The series' own day-to-day spread of week-over-week ratios (1.4826 × median absolute deviation,
 * robust to the holidays and incidents among them), from the completed days up to `lastDay`
 * (days being judged are left out, so a loss does not hide itself); 0 with fewer than REF_MIN.
 */
function dayNoise(st: TrendState, lastDay: number): number {
  const xs: number[] = [];
  for (let s = 0; s < REF_DAYS; s++) {
    const d = st.wowId[s] as number;
    if (d <= lastDay && d > lastDay - REF_DAYS) xs.push(st.wow[s] as number);
  }
  if (xs.length < REF_MIN) return 0;
  xs.sort((a, b) => a - b);
  const med = xs[xs.length >> 1] as number;
  const dev = xs.map((x) => Math.abs(x - med)).sort((a, b) => a - b);
  return 1.4826 * (dev[dev.length >> 1] as number);
}

/**
 * Adds values[k] as sample `first + k`. `marks[k]` (the crash detector's, Chunk.marks) leaves
 * crashes out: a sample of a crash is not added, ever (an outage is the crash's finding, not a
 * trend, also after it has resolved: its hours count only their other samples, and an hour wholly
 * inside a crash is missing from the comparisons); a down sample that may start one is held back
 * until its run ends (then added) or becomes a crash (then dropped).
 */
export function stepTrend(st: TrendState, values: Float64Array, first: number, stepMs: number, marks?: Uint8Array): void {
  const { size, phase, id, sum, cnt, psum, pcnt } = st;
  const slots = id.length;
  const n = values.length;
  let block = Math.floor((first - phase) / size);
  let slot = ((block % slots) + slots) % slots;
  let left = phase + (block + 1) * size - first;
  if (id[slot] !== block) {
    id[slot] = block;
    sum[slot] = 0;
    cnt[slot] = 0;
    psum[slot] = 0;
    pcnt[slot] = 0;
  }
  for (let k = 0; k < n; k++) {
    if (left === 0) {
      recordDay(st, first + k, stepMs);
      block++;
      slot = slot + 1 === slots ? 0 : slot + 1;
      id[slot] = block;
      sum[slot] = 0;
      cnt[slot] = 0;
      psum[slot] = 0;
      pcnt[slot] = 0;
      left = size;
    }
    const v = values[k] as number;
    const mark = marks ? (marks[k] as number) : 0;
    if (mark === MARK_HELD) {
      if (st.pend === -Infinity) st.pend = block;
      if (v === v) {
        psum[slot] = (psum[slot] as number) + v;
        pcnt[slot] = (pcnt[slot] as number) + 1;
      }
    } else {
      if (st.pend !== -Infinity) endHeld(st, block, mark !== MARK_CRASH);
      if (mark !== MARK_CRASH && v === v) {
        sum[slot] = (sum[slot] as number) + v;
        cnt[slot] = (cnt[slot] as number) + 1;
      }
    }
    left--;
  }
  if (left === 0) recordDay(st, first + n, stepMs);
}

/**
 * Hourly means of calendar days (users' time zone), newest day first, for a series of n samples
 * starting at `start`. Today counts once it has 6 hours, and then every day is cut to the same
 * hours so the daily cycle cancels in comparisons.
 */
function hourlyMeans(st: TrendState, n: number, start: number, stepMs: number, days: number, offset: number) {
  const { perDay, perHour } = geometry(stepMs);
  const last = start + (n - 1) * stepMs;
  let today = Math.ceil((Math.floor((last - offset) / DAY_MS) * DAY_MS + offset - start) / stepMs);
  let hours = Math.floor((n - today) / perHour);
  if (hours < 6) {
    today -= perDay;
    hours = Math.floor(perDay / perHour);
  }
  const available = today >= 0 ? Math.floor(today / perDay) + 1 : 0;
  const usable = Math.min(days, available);
  if (usable < 4) return { means: new Float64Array(0), hours, days: usable, today };
  const { size, phase, id, sum: sums, cnt: cnts } = st;
  const slots = id.length;
  const means = new Float64Array(usable * hours);
  for (let d = 0; d < usable; d++) {
    for (let h = 0; h < hours; h++) {
      let sum = 0;
      let cnt = 0;
      const from = today - d * perDay + h * perHour;
      for (let b = Math.floor((from - phase) / size), end = b + perHour / size; b < end; b++) {
        const slot = ((b % slots) + slots) % slots;
        if (id[slot] !== b) throw new Error(`trend state lost hour block ${b}`);
        sum += sums[slot] as number;
        cnt += cnts[slot] as number;
      }
      means[d * hours + h] = cnt > 0 ? sum / cnt : NaN;
    }
  }
  return { means, hours, days: usable, today };
}

type Ratio = { mean: number; se: number };

/**
 * Log ratio of day a to day b: a trimmed mean over matched hours of log(hour_a / hour_b), with its
 * standard error. Matching hours removes the daily cycle; trimming 15 % at each end ignores a crash
 * or a spike lasting a few hours. The error comes from the hours' own spread (1.45 × trimmed sd
 * approximates the standard error factor of a 15 % trimmed mean under normal noise), so short
 * partial days and noisy apps need a larger change before it counts.
 */
function dayRatio(means: Float64Array, hours: number, a: number, b: number): Ratio {
  const r = new Float64Array(hours);
  let m = 0;
  for (let h = 0; h < hours; h++) {
    const x = Math.log(((means[a * hours + h] as number) + EPS) / ((means[b * hours + h] as number) + EPS));
    if (x === x) r[m++] = x;
  }
  if (m < 3) return { mean: NaN, se: NaN };
  const sorted = r.subarray(0, m).sort();
  const cut = Math.floor(m * 0.15);
  const k = m - 2 * cut;
  let s = 0;
  for (let i = cut; i < m - cut; i++) s += sorted[i] as number;
  const mean = s / k;
  let ss = 0;
  for (let i = cut; i < m - cut; i++) ss += ((sorted[i] as number) - mean) ** 2;
  return { mean, se: (1.45 * Math.sqrt(ss / Math.max(1, k - 1))) / Math.sqrt(m) };
}

/**
 * Least-squares slope per day of ratios[k] (k days ago), weighted by 1/se² so that a short partial
 * today counts less than full days; with its standard error.
 */
function weightedSlope(ratios: Ratio[]): { slope: number; se: number } {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  ratios.forEach((r, k) => {
    const wt = 1 / (r.se * r.se + 1e-12);
    const x = -k;
    sw += wt;
    sx += wt * x;
    sy += wt * r.mean;
    sxx += wt * x * x;
    sxy += wt * x * r.mean;
  });
  const den = sw * sxx - sx * sx;
  return { slope: (sw * sxy - sx * sy) / den, se: Math.sqrt(sw / den) };
}

/**
 * Gradual loss or growth over days; null with fewer than 4 days of data.
 * With 11+ days each of the last four days is compared with the same weekday a week earlier, so
 * weekly seasonality cancels: a fresh trend shows as week-over-week ratios falling day after day
 * (the slope of that ramp is the daily rate), an older one as all ratios sitting at 7× the rate.
 * With 4–10 days only day-over-day changes exist; a weekend would pass for a loss, so all three
 * must agree with the 3-day change before it counts.
 * A compared day with fewer than 3 hours that have data on both sides (e.g. the first hours of a
 * day that a crash covered, which stepTrend leaves out) gives no estimate (null).
 */
export function trendAt(st: TrendState, n: number, series: { start: number; stepMs: number }, opts: TrendOptions = {}): TrendEstimate | null {
  const min = opts.minRatePerDay ?? 0.01;
  const { means, hours, days, today } = hourlyMeans(st, n, series.start, series.stepMs, 11, opts.dayOffsetMs ?? 0);
  if (days < 4) return null;
  const perDay = geometry(series.stepMs).perDay;
  // A weekly ratio is never more certain than this series' whole days are: how much they differ
  // from the same weekday a week earlier anyway (news, weather, holidays) is measured on the
  // completed days before the four being judged. The hours' spread (dayRatio's se) sees only
  // noise within a day; the larger of the two is the ratio's standard error.
  const noise = days >= 11 ? dayNoise(st, Math.round((today - st.day0) / perDay) - 4) : 0;
  const ratio = (a: number, b: number) => {
    const r = dayRatio(means, hours, a, b);
    return { mean: r.mean, se: Math.max(r.se, noise) };
  };
  // A change counts when it is at least `min` per day and 3 standard errors from zero.
  const sig = (x: number, se: number, sign: number) => sign * x >= min && (sign * x) / se >= 3;
  if (days >= 11) {
    const w = [0, 1, 2, 3].map((k) => ratio(k, k + 7)) as [Ratio, Ratio, Ratio, Ratio];
    const { slope: ramp, se: rampSe } = weightedSlope(w);
    const sustained = [w[0].mean, w[1].mean, w[2].mean].sort((x, y) => x - y)[1] as number;
    const fresh = (sign: number) => sig(ramp, rampSe, sign) && sig(w[0].mean / 2, w[0].se / 2, sign);
    const held = (sign: number) => w.slice(0, 3).every((r) => sig(r.mean / 7, r.se / 7, sign));
    const freshSign = fresh(-1) ? -1 : fresh(1) ? 1 : 0;
    const heldSign = held(-1) ? -1 : held(1) ? 1 : 0;
    // A trend older than a week shows fully in the weekly ratios; a fresh one only in the ramp
    // (the steeper of the two when they agree, whichever test made it significant).
    const sign = freshSign || heldSign;
    const rate = sign !== 0 && sign * ramp > Math.abs(sustained / 7) ? ramp : sustained / 7;
    if (!Number.isFinite(rate)) return null;
    return { ratePerDay: Math.expm1(rate), significant: freshSign !== 0 || heldSign !== 0, basis: "week" };
  }
  const d = [ratio(0, 1), ratio(1, 2), ratio(2, 3)];
  const cum = ratio(0, 3);
  const mid = d.map((r) => r.mean).sort((x, y) => x - y)[1] as number;
  if (!Number.isFinite(mid) || !Number.isFinite(cum.mean)) return null;
  const agree = (sign: number) => d.every((r) => sign * r.mean >= min && (sign * r.mean) / r.se >= 2) && sig(cum.mean / 3, cum.se / 3, sign);
  return { ratePerDay: Math.expm1(mid), significant: agree(-1) || agree(1), basis: "day" };
}

/** Trend at the end of a whole series (one step over all of it). */
export function estimateTrend(series: Series, opts: TrendOptions = {}): TrendEstimate | null {
  const st = createTrendState(series.start, series.stepMs, opts);
  stepTrend(st, series.values, 0, series.stepMs);
  return trendAt(st, series.values.length, series, opts);
}

/**
 * stepTrend plus the loss episode: at every hour boundary (sample count n with (n - phase) a
 * multiple of an hour's samples) the trend is estimated; a significant loss on SUSTAIN_CHECKS
 * consecutive checks opens (or extends) an episode that is held for HOLD_MS after its last
 * significant check. Decisions depend on sample counts only, so chunking does not change them.
 */
export function stepTrendEpisodes(st: TrendState, values: Float64Array, first: number, grid: { start: number; stepMs: number }, opts: TrendOptions = {}, marks?: Uint8Array): void {
  const { perHour } = geometry(grid.stepMs);
  const hold = Math.round(HOLD_MS / grid.stepMs);
  const h = st.held;
  let k = 0;
  const n = values.length;
  while (k < n) {
    const i = first + k;
    const into = (((i - st.phase) % perHour) + perHour) % perHour;
    const upto = Math.min(n, k + (into === 0 ? perHour : perHour - into));
    stepTrend(st, values.subarray(k, upto), i, grid.stepMs, marks?.subarray(k, upto));
    k = upto;
    const fed = first + k;
    if ((((fed - st.phase) % perHour) + perHour) % perHour !== 0) continue;
    const t = trendAt(st, fed, grid, opts);
    if (t?.significant && t.ratePerDay < 0) {
      h[3] = (h[3] as number) + 1;
      if ((h[3] as number) >= SUSTAIN_CHECKS) {
        if (fed - (h[0] as number) > hold) h[1] = fed;
        h[0] = fed;
        h[2] = t.ratePerDay;
      }
    } else h[3] = 0;
  }
}

/** The trend detector: a sustained significant loss (warning, held as one episode) or growth (info). */
export const trendDetector: Detector<TrendState> = {
  name: "trend",
  create(grid, settings, recycle) {
    const fresh = createTrendState(grid.start, grid.stepMs, settings.trend);
    if (!recycle || recycle.id.length !== fresh.id.length) return fresh;
    recycle.size = fresh.size;
    recycle.phase = fresh.phase;
    recycle.id.fill(-Infinity);
    recycle.held = fresh.held;
    recycle.day0 = fresh.day0;
    recycle.wowId = fresh.wowId;
    recycle.wow = fresh.wow;
    recycle.psum.fill(0);
    recycle.pcnt.fill(0);
    recycle.pend = -Infinity;
    return recycle;
  },
  step: (st, c, settings) => stepTrendEpisodes(st, c.values, c.first, c, settings.trend, c.marks),
  evaluate(st, at, settings) {
    const trend = trendAt(st, at.n, at, settings.trend);
    const signals = { trendPerDay: trend ? trend.ratePerDay : null };
    const h = st.held;
    const held = at.n - (h[0] as number) <= Math.round(HOLD_MS / at.stepMs);
    if (!held && !(trend?.significant && trend.ratePerDay > 0)) return { finding: null, signals };
    const loss = held;
    const rate = held ? (h[2] as number) : (trend as TrendEstimate).ratePerDay;
    const from = loss ? at.start + ((h[1] as number) - 1) * at.stepMs - 3 * DAY_MS : at.lastTs - 3 * DAY_MS;
    const basis = trend?.basis === "day" ? "day over day" : "compared with the same weekdays last week";
    return {
      signals,
      finding: {
        detector: "trend", severity: loss ? "warning" : "info", startedAt: from, observed: at.observed, expected: at.expected,
        deviation: rate, window: { from, to: at.lastTs },
        explanation: loss
          ? `Traffic of ${at.name} has been falling about ${percent(rate)} per day over the last days (${basis}); look for a release, a failing client or users moving away.`
          : `Traffic of ${at.name} has been growing about ${percent(rate)} per day over the last days (${basis}); check that it has capacity to spare.`,
      },
    };
  },
};
