import { describe, expect, it } from "vitest";
import { cutoffs, emptyRollups, flattenHistory, sampleCount, type TrafficHistory } from "./levels";

const MIN = 60_000;

function history(raw: [number, number][], buckets: { ts: number; spanMs: number; count: number; sum: number }[]): TrafficHistory {
  const r = emptyRollups(buckets.length);
  buckets.forEach((b, i) => {
    r.ts[i] = b.ts;
    r.spanMs[i] = b.spanMs;
    r.count[i] = b.count;
    r.sum[i] = b.sum;
  });
  return { raw: { ts: Float64Array.from(raw, (x) => x[0]), values: Float64Array.from(raw, (x) => x[1]) }, rollups: r };
}

describe("cutoffs", () => {
  it("cuts each level at the hour, the raw window first", () => {
    const now = Date.UTC(2026, 11, 2, 10, 37, 12);
    const c = cutoffs({ rawDays: 3, fiveMinuteDays: 15, retentionDays: 35 }, now);
    expect(c.raw * 1000).toBe(Date.UTC(2026, 10, 29, 10));
    expect(c.fiveMinute * 1000).toBe(Date.UTC(2026, 10, 17, 10));
    expect(c.retention * 1000).toBe(Date.UTC(2026, 9, 28, 10));
  });
});

describe("flattenHistory", () => {
  it("spreads each bucket's mean over the raw cadence, then the raw samples", () => {
    const h = history(
      [[70 * MIN, 1], [71 * MIN, 2]],
      [{ ts: 0, spanMs: 60 * MIN, count: 60, sum: 600 }, { ts: 60 * MIN, spanMs: 5 * MIN, count: 5, sum: 20 }],
    );
    const f = flattenHistory(h);
    expect(f.ts.length).toBe(60 + 5 + 2);
    expect(f.ts[0]).toBe(0);
    expect(f.values[0]).toBe(10);
    expect(f.ts[59]).toBe(59 * MIN);
    expect(f.values[60]).toBe(4);
    expect(f.ts[64]).toBe(64 * MIN);
    expect([...f.ts.slice(65)]).toEqual([70 * MIN, 71 * MIN]);
    for (let i = 1; i < f.ts.length; i++) expect(f.ts[i]).toBeGreaterThan(f.ts[i - 1] as number);
  });

  it("keeps one point per bucket when the cadence is longer than the bucket, and 5 minutes without raw samples", () => {
    const h = history([], [{ ts: 0, spanMs: 5 * MIN, count: 1, sum: 3 }, { ts: 5 * MIN, spanMs: 5 * MIN, count: 2, sum: 3 }]);
    expect([...flattenHistory(h).ts]).toEqual([0, 5 * MIN]);
    expect([...flattenHistory(h, 15 * MIN).values]).toEqual([3, 1.5]);
  });

  it("puts raw samples older than a bucket before it (a backfill not yet rolled up)", () => {
    const h = history([[0, 7], [600 * MIN, 8]], [{ ts: 60 * MIN, spanMs: 5 * MIN, count: 5, sum: 5 }]);
    const f = flattenHistory(h, MIN);
    expect([...f.values]).toEqual([7, 1, 1, 1, 1, 1, 8]);
  });
});

describe("sampleCount", () => {
  it("counts raw samples and the samples inside buckets from a time on", () => {
    const h = history([[10 * MIN, 1], [11 * MIN, 1]], [{ ts: 0, spanMs: 5 * MIN, count: 5, sum: 5 }, { ts: 5 * MIN, spanMs: 5 * MIN, count: 4, sum: 4 }]);
    expect(sampleCount(h)).toBe(11);
    expect(sampleCount(h, 5 * MIN)).toBe(6);
    expect(sampleCount(h, 11 * MIN)).toBe(1);
  });
});
