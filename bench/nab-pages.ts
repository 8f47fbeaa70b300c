// Paging detectors on real traffic-like series: replays each series through the server's own
// evaluation path, as the scheduler would run it, and counts the pages.
//   npm run nab:pages -- --data DIR --windows FILE [--only REGEX] [--every MINUTES] [--per-series]
//
// Per evaluation (every --every minutes, default: the series' own step) exactly what
// lib/findings/run-detection.ts does: load the last DETECTION_LOOKBACK_DAYS (15) of samples up to
// now, infer the step, prepareSeries up to the newest sample with long gaps kept missing (no data
// is not zero), detectApp with an hour of anomaly look-back plus detectNoData (a silence of more
// than 3 steps), reconcile with the open findings.
// A page is a finding opened with a severity that notifies (critical, warning: crash, trend
// losses, no-data when present); info findings (anomaly, growth) are not pages.
// Default series: the traffic-like real series of NAB — realTraffic, realTweets,
// realKnownCause/nyc_taxi and realAWSCloudwatch request counts.
// Last line: { series, seriesMonths, pages, pagesOutside, pagesPerSeriesMonth, windows,
// windowsPaged, ... } with pages per detector (byDetector) and the calibration of the 99 %
// prediction interval (share of samples outside it, one pass per series).
import { DAY_MS, expectedModel, outsideShare, detectApp, detectNoData, longestSilenceMs, inferStepMs, prepareSeries, reconcileFindings, type FindingDetectorName, type Finding } from "@/lib/detection";
import { PAGING_SEVERITIES } from "@/lib/domain/enums";
import { argString, argValue } from "./args";
import { readCorpus, type NabFile } from "./nab/corpus";
import { nabPaths } from "./nab/folder";

const LOOKBACK_MS = 15 * DAY_MS; // DETECTION_LOOKBACK_DAYS default
const ANOMALY_HOLD_MS = 3_600_000;
const MONTH_MS = 30 * DAY_MS;

const { data, windows } = nabPaths();
const only = new RegExp(argString("only", "^(realTraffic|realTweets)/|/nyc_taxi\\.csv$|request_count") as string);
const perSeries = process.argv.includes("--per-series");
const everyMs = argValue("every", 0) * 60_000;

type Page = { at: number; detector: FindingDetectorName; inWindow: number; silence: boolean };

function replay(file: NabFile): { pages: Page[]; months: number } {
  // The server keeps samples by time; NAB rows are in file order with a few repeats.
  const idx = Array.from(file.ts.keys()).sort((a, b) => file.ts[a]! - file.ts[b]! || a - b);
  const ts = Float64Array.from(idx, (i) => file.ts[i]!);
  const values = Float64Array.from(idx, (i) => file.values[i]!);
  const first = ts[0]!;
  const last = ts[ts.length - 1]!;
  const every = everyMs > 0 ? everyMs : inferStepMs(ts);
  const pages: Page[] = [];
  let open: Finding[] = [];
  let lo = 0;
  let hi = 0;
  for (let now = first; now <= last; now += every) {
    while (hi < ts.length && ts[hi]! <= now) hi++;
    while (ts[lo]! < now - LOOKBACK_MS) lo++;
    const raw = { ts: ts.subarray(lo, hi), values: values.subarray(lo, hi) };
    const stepMs = inferStepMs(raw.ts);
    const lastTs = raw.ts[raw.ts.length - 1]!;
    const series = prepareSeries(raw, { stepMs, to: lastTs, longGapValue: NaN });
    const result = detectApp(series, { evaluationIntervalMs: Math.max(ANOMALY_HOLD_MS, every) });
    const noData = detectNoData(lastTs, now, stepMs, { recentLongestSilenceMs: longestSilenceMs(raw.ts) });
    if (noData) result.findings.push(noData);
    const plan = reconcileFindings(open, result.findings);
    for (const f of plan.toOpen) {
      if (!PAGING_SEVERITIES.has(f.severity)) continue;
      const inWindow = file.windows.findIndex(([a, b]) => now >= a && now <= b);
      pages.push({ at: now, detector: f.detector, inWindow, silence: now - lastTs > 3 * stepMs });
    }
    open = [...plan.stillOpen.map((s) => s.current), ...plan.toOpen];
  }
  return { pages, months: (last - first) / MONTH_MS };
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
      ` (${(out.length / r.months).toFixed(2)}/month${kinds ? `: ${kinds}` : ""}${out.some((p) => p.silence) ? `; ${out.filter((p) => p.silence).length} on silence` : ""})  windows paged ${paged}/${file.windows.length}`,
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
