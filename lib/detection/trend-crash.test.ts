import { describe, expect, it } from "vitest";
import { scanCrashes } from "./crash";
import { estimateTrend } from "./trend";
import { detectApp } from "./detect";
import { createAppState, stepApp } from "./engine";
import { expectedModel } from "./expected";
import { createRng, generateTraffic } from "./synthetic";
import type { Series } from "./types";

// The trend leaves out a crash's samples: an outage is the crash's finding, and its zeros must
// not also read as a loss against the same weekday a week earlier (before this, a crash covering
// most of the day so far — from midnight on, or from the evening before — raised a trend warning
// beside it on most hourly checks).

const PER_DAY = 288; // 5-minute steps
const prefix = (s: Series, n: number): Series => ({ ...s, values: s.values.subarray(0, n) });

/** 16 days of 5-minute traffic; from sample `at` on it is down at `level` × the base. */
function crashed(seed: number, at: number, level: number, samples = Infinity): Series {
  const s = generateTraffic({ seed, days: 16, stepMs: 300_000, noise: 0.06, baseRps: 200 });
  for (let i = at; i < Math.min(s.values.length, at + samples); i++) s.values[i] = level * 200;
  return s;
}

describe("trend beside a crash", () => {
  // Crashes starting at midnight, noon and 20:00 of day 15, zero or 5 % of normal, held for a day.
  const cases = [
    { seed: 11, hour: 0, level: 0 },
    { seed: 11, hour: 12, level: 0 },
    { seed: 11, hour: 20, level: 0.05 },
    { seed: 12, hour: 0, level: 0.05 },
  ];
  for (const c of cases) {
    it(`raises no trend warning while a crash from ${c.hour}:00 at ${c.level * 100} % is open (one pass)`, () => {
      const at = 14 * PER_DAY + c.hour * 12;
      const s = crashed(c.seed, at, c.level);
      let open = 0;
      for (let end = at + 2; end <= Math.min(s.values.length, at + PER_DAY); end += 3) {
        const r = detectApp(prefix(s, end));
        const crash = r.findings.some((f) => f.detector === "crash");
        if (!crash) continue;
        open++;
        expect(r.findings.filter((f) => f.detector === "trend")).toEqual([]);
      }
      // the crash is open for most of the day (it ends when the expectation accepts the new level)
      expect(open).toBeGreaterThan(60);
    });
  }

  it("raises no trend warning beside the crash in the incremental path (chunks of 1 to 40 samples)", () => {
    const at = 14 * PER_DAY;
    const s = crashed(12, at, 0);
    const state = createAppState(s, {});
    const rng = createRng(5);
    let done = 0;
    let open = 0;
    while (done < Math.min(s.values.length, at + PER_DAY)) {
      const size = 1 + Math.floor(rng() * 40);
      const r = stepApp(state, s.values.subarray(done, done + size), {});
      done += size;
      if (done <= at || !r.findings.some((f) => f.detector === "crash")) continue;
      open++;
      expect(r.findings.filter((f) => f.detector === "trend")).toEqual([]);
      // and the incremental state judges as one pass over the same samples does
      expect(r.trendPerDay).toBe(detectApp(prefix(s, done)).trendPerDay);
    }
    expect(open).toBeGreaterThan(10);
  });

  it("treats a crash's samples as missing, also after the crash has resolved", () => {
    // an 8-hour crash from 01:00 on day 14 that resolves; judged 1 and 3 days later
    const at = 14 * PER_DAY + 12;
    const s = crashed(13, at, 0, 8 * 12);
    const model = expectedModel(s);
    const events = scanCrashes(s.values, model.expected, {}, s.stepMs);
    expect(events).toHaveLength(1);
    const { start, end } = events[0]!;
    expect(end).toBeGreaterThan(start);
    const missing = Float64Array.from(s.values);
    for (let i = start; i < end; i++) missing[i] = NaN;
    // a day later at the crash's end (the day so far is 09:00; the crash day's first 9 hours have
    // one comparable hour: no estimate), and at the next two midnights (whole days compared)
    const estimates: (number | null)[] = [];
    for (const n of [end + PER_DAY, 15 * PER_DAY, 16 * PER_DAY]) {
      const withCrash = detectApp(prefix(s, n));
      const asMissing = detectApp({ ...s, values: missing.subarray(0, n) });
      expect(withCrash.trendPerDay).toBe(asMissing.trendPerDay);
      expect(withCrash.findings.some((f) => f.detector === "trend")).toBe(asMissing.findings.some((f) => f.detector === "trend"));
      estimates.push(withCrash.trendPerDay);
    }
    expect(estimates[0]).toBeNull();
    expect(estimates.slice(1).every((e) => e !== null && Math.abs(e) < 0.05)).toBe(true);
  });

  it("counts a dip that does not become a crash once it is over (held back only while it might)", () => {
    // one sample at zero on day 15 (a steady app needs two for a crash), then normal traffic
    const s = crashed(14, 14 * PER_DAY + 100, 0, 1);
    expect(scanCrashes(s.values, expectedModel(s).expected, {}, s.stepMs)).toEqual([]);
    const withMarks = detectApp(s).trendPerDay as number;
    const plain = estimateTrend(s)?.ratePerDay as number;
    expect(Number.isFinite(plain)).toBe(true);
    // the held sample joins its hour later than it would in order: equal up to rounding
    expect(Math.abs(withMarks - plain)).toBeLessThanOrEqual(1e-12);
  });
});
