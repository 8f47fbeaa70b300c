// Paging detectors on real traffic-like series: replays each series through the server's own
// evaluation path, as the scheduler would run it, and counts the pages.
//   npm run nab:pages -- --data DIR --windows FILE [--only REGEX] [--every MINUTES] [--per-series] [--rebuild-every-tick]
//
// Per evaluation (every --every minutes, default: the series' own step) what
// lib/findings/run-detection.ts does: bring the app's detector state up to now (the first tick
// builds it from the last DETECTION_LOOKBACK_DAYS (15) of samples, prepared up to the newest
// sample with long gaps kept missing — no data is not zero; later ticks step it with the samples
// that arrived since, as lib/findings/detector-state.ts does), with an hour of anomaly look-back,
// plus detectNoData (a silence of more than 3 steps), reconcile with the open findings.
// A page is a finding opened with a severity that notifies (critical, warning: crash, trend
// losses, no-data when present); info findings (anomaly, growth) are not pages.
// Default series: the traffic-like real series of NAB — realTraffic, realTweets,
// realKnownCause/nyc_taxi and realAWSCloudwatch request counts.
// Last line: { series, seriesMonths, pages, pagesOutside, pagesPerSeriesMonth, windows,
// windowsPaged, ... } with pages per detector (byDetector) and the calibration of the 99 %
// prediction interval (share of samples outside it, one pass per series).
import {
  DAY_MS, createAppState, detectNoData, evaluateApp, expectedModel, inferStepMs, outsideShare, prepareSeries, longestRecentSilence, pushSilenceGap, reconcileFindings, stepApp,
  type AppState, type DetectionResult, type DetectionSettings, type Finding, type FindingDetectorName,
} from "@/lib/detection";
import { PAGING_SEVERITIES } from "@/lib/domain/enums";
import { argString, argValue } from "./args";
import { readCorpus, type NabFile } from "./nab/corpus";
import { nabPaths } from "./nab/folder";

const LOOKBACK_MS = 15 * DAY_MS; // DETECTION_LOOKBACK_DAYS default
const ANOMALY_HOLD_MS = 3_600_000;
const MONTH_MS = 30 * DAY_MS;
const HOUR_MS = 3_600_000;
const RAW_MS = 3 * DAY_MS; // TRAFFIC_RAW_DAYS default

const { data, windows } = nabPaths();
const only = new RegExp(argString("only", "^(realTraffic|realTweets)/|/nyc_taxi\\.csv$|request_count") as string);
const perSeries = process.argv.includes("--per-series");
const everyMs = argValue("every", 0) * 60_000;
// --rebuild-every-tick: a full pass over the look-back on every tick (the replay before the
// server kept state; slow, ~550 s): what the server does after every rebuild, for comparison.
const rebuildEveryTick = process.argv.includes("--rebuild-every-tick");

type Page = { at: number; detector: FindingDetectorName; inWindow: number; silence: boolean };

/** What the server's DetectorState row holds (lib/findings/detector-state.ts): the engine's state and the gaps for no_data. */
type Held = { app: AppState; gaps: number[]; watermark: number };

/** A rebuild (detector-state's rebuild): the look-back up to now in one pass. */
function rebuild(ts: Float64Array, values: Float64Array, settings: DetectionSettings): { held: Held; result: DetectionResult } {
  const stepMs = inferStepMs(ts);
  const lastTs = ts[ts.length - 1]!;
  const series = prepareSeries({ ts, values }, { stepMs, to: lastTs, longGapValue: NaN });
  const app = createAppState(series, settings);
  const result = stepApp(app, series.values, settings);
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) pushSilenceGap(gaps, ts[i - 1]!, ts[i]! - ts[i - 1]!);
  return { held: { app, gaps, watermark: lastTs }, result };
}

/**
 * A step (detector-state's step): the samples since the watermark put on the state's grid as one
 * pass would, fed to the state; null when one falls into the grid step already fed (a rebuild).
 */
function step(held: Held, ts: Float64Array, values: Float64Array, settings: DetectionSettings): DetectionResult | null {
  const state = held.app;
  const n = ts.length;
  if (n === 0) return evaluateApp(state, settings);
  const { start, stepMs } = state;
  const lastStep = state.n - 1;
  const lastStart = start + lastStep * stepMs;
  const previous = state.last[0]!;
  if (Math.floor((ts[0]! - start) / stepMs) <= lastStep || !Number.isFinite(previous)) return null;
  const t = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  t[0] = lastStart;
  v[0] = previous;
  t.set(ts, 1);
  v.set(values, 1);
  const lastTs = ts[n - 1]!;
  const grid = prepareSeries({ ts: t, values: v }, { stepMs, from: lastStart, to: lastTs, longGapValue: NaN });
  const result = stepApp(state, grid.values.subarray(1), settings);
  let prev = held.watermark;
  for (const x of ts) {
    pushSilenceGap(held.gaps, prev, x - prev);
    prev = x;
  }
  held.watermark = lastTs;
  return result;
}

/**
 * Replays one series through the server's incremental path (lib/findings/run-detection.ts and
 * detector-state.ts): the first tick with samples in the look-back builds the state from it, every
 * later tick steps it with the samples that arrived since; a rebuild from the look-back happens
 * where the server would do one: a sample in the grid step already fed ("step"), or a watermark
 * older than the raw window (TRAFFIC_RAW_DAYS, 3) with samples since ("stale": the server reads
 * rolled-up history then). Before the state existed this bench ran a full pass over the look-back
 * on every tick (what a rebuild does), about 4,000 samples × 180,000 ticks; the incremental path
 * feeds each sample once.
 */
function replay(file: NabFile): { pages: Page[]; months: number; rebuilds: number } {
  // The server keeps samples by time; NAB rows are in file order with a few repeats.
  const idx = Array.from(file.ts.keys()).sort((a, b) => file.ts[a]! - file.ts[b]! || a - b);
  const ts = Float64Array.from(idx, (i) => file.ts[i]!);
  const values = Float64Array.from(idx, (i) => file.values[i]!);
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  const every = everyMs > 0 ? everyMs : inferStepMs(ts);
  const settings: DetectionSettings = { evaluationIntervalMs: Math.max(ANOMALY_HOLD_MS, every) };
  const pages: Page[] = [];
  let open: Finding[] = [];
  let held: Held | null = null;
  let rebuilds = 0;
  let lo = 0;
  let hi = 0;
  for (let now = first; now <= last; now += every) {
    const before = hi;
    while (hi < ts.length && ts[hi]! <= now) hi++;
    while (ts[lo]! < now - LOOKBACK_MS) lo++;
    let result: DetectionResult | null = null;
    if (held && !rebuildEveryTick) {
      const rawCutoff = Math.floor(now / HOUR_MS) * HOUR_MS - RAW_MS;
      const stale = held.watermark < rawCutoff && before < hi && ts[before]! < rawCutoff;
      if (!stale) result = step(held, ts.subarray(before, hi), values.subarray(before, hi), settings);
    }
    if (!result) {
      if (lo >= hi) continue;
      const built = rebuild(ts.subarray(lo, hi), values.subarray(lo, hi), settings);
      held = built.held;
      result = built.result;
      rebuilds++;
    }
    const lastTs = held!.watermark;
    // nothing in the look-back: the app is not evaluated
    if (now - lastTs > LOOKBACK_MS) continue;
    const stepMs = held!.app.stepMs;
    const noData = detectNoData(lastTs, now, stepMs, { recentLongestSilenceMs: longestRecentSilence(held!.gaps, lastTs) });
    if (noData) result.findings.push(noData);
    const plan = reconcileFindings(open, result.findings);
    for (const f of plan.toOpen) {
      if (!PAGING_SEVERITIES.has(f.severity)) continue;
      const inWindow = file.windows.findIndex(([a, b]) => now >= a && now <= b);
      pages.push({ at: now, detector: f.detector, inWindow, silence: now - lastTs > 3 * stepMs });
    }
    open = [...plan.stillOpen.map((s) => s.current), ...plan.toOpen];
  }
  return { pages, months: (last - first) / MONTH_MS, rebuilds };
}

const t0 = performance.now();
const files = readCorpus(data, windows, (key) => only.test(key));
let months = 0;
let pages = 0;
let outside = 0;
let silenceOutside = 0;
let windowCount = 0;
let windowsPaged = 0;
// Calibration of the 99 % prediction interval: one pass of the seasonal model over each whole
// series (the first day, before a daily profile exists, left out), samples outside their interval.
let calSamples = 0;
let calOutside = 0;
function calibration(file: NabFile) {
  const idx = Array.from(file.ts.keys()).sort((a, b) => file.ts[a]! - file.ts[b]! || a - b);
  const ts = Float64Array.from(idx, (i) => file.ts[i]!);
  const stepMs = inferStepMs(ts);
  const series = prepareSeries({ ts, values: Float64Array.from(idx, (i) => file.values[i]!) }, { stepMs, longGapValue: NaN });
  const m = expectedModel(series);
  return outsideShare(series.values, m.expected, m.spread, Math.round(DAY_MS / stepMs));
}
const byDetector: Record<string, { pages: number; outside: number }> = {};
for (const file of files) {
  const r = replay(file);
  const out = r.pages.filter((p) => p.inWindow < 0);
  const paged = new Set(r.pages.filter((p) => p.inWindow >= 0).map((p) => p.inWindow)).size;
  months += r.months;
  pages += r.pages.length;
  outside += out.length;
  silenceOutside += out.filter((p) => p.silence).length;
  windowCount += file.windows.length;
  windowsPaged += paged;
  for (const p of r.pages) {
    const d = (byDetector[p.detector] ??= { pages: 0, outside: 0 });
    d.pages++;
    if (p.inWindow < 0) d.outside++;
  }
  const kinds = [...new Set(out.map((p) => p.detector))].map((d) => `${d} ${out.filter((p) => p.detector === d).length}`).join(", ");
  console.log(
    `${file.key.padEnd(48)} ${r.months.toFixed(2).padStart(5)} months  pages ${String(r.pages.length).padStart(3)}, outside windows ${String(out.length).padStart(3)}` +
      ` (${(out.length / r.months).toFixed(2)}/month${kinds ? `: ${kinds}` : ""}${out.some((p) => p.silence) ? `; ${out.filter((p) => p.silence).length} on silence` : ""})  windows paged ${paged}/${file.windows.length}, ${r.rebuilds} rebuild${r.rebuilds === 1 ? "" : "s"}`,
  );
  const cal = calibration(file);
  calSamples += cal.samples;
  calOutside += cal.outside;
  console.log(`${"".padEnd(48)} 99 % interval: ${(100 * (cal.outsideShare ?? NaN)).toFixed(2)} % of ${cal.samples} samples outside`);
  if (perSeries) for (const p of r.pages) console.log(`    ${new Date(p.at).toISOString()} ${p.detector}${p.inWindow >= 0 ? " (in window)" : ""}${p.silence ? " (silence)" : ""}`);
}
console.log(`${files.length} series, ${months.toFixed(2)} series-months, replayed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(JSON.stringify({
  series: files.length, seriesMonths: months, pages, pagesOutside: outside, pagesPerSeriesMonth: outside / months,
  windows: windowCount, windowsPaged, silencePagesOutside: silenceOutside, byDetector,
  calibration: { samples: calSamples, outside: calOutside, outsideShare: calOutside / calSamples },
}));
