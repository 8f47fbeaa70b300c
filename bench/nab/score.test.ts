import { describe, expect, it } from "vitest";
import type { NabFile } from "./corpus";
import { bounds, normalise, Pool, PROFILES, sweepOf } from "./score";

const standard = PROFILES[0]!;
const MIN = 60_000;
// 100 rows a minute apart (probation: the first 15), one window over rows 50..59.
function file(key: string, windows: [number, number][] = [[50, 59]]): NabFile {
  const ts = Float64Array.from({ length: 100 }, (_, i) => i * MIN);
  return { key, category: key.split("/")[0]!, ts, values: new Float64Array(100), stamps: [], windows: windows.map(([a, b]) => [a * MIN, b * MIN]) };
}
const scores = (hits: Record<number, number>) => Float64Array.from({ length: 100 }, (_, i) => hits[i] ?? 0);

describe("NAB scoring", () => {
  it("gives a detection at a window's start the full true-positive weight and a missed window -fnWeight", () => {
    const f = file("a/x.csv");
    const pool = new Pool([sweepOf(f)], [scores({ 50: 0.9 })]);
    expect(pool.at(standard, 0.5).get(0)!.raw).toBeCloseTo(1, 9);
    expect(pool.at(standard, 0.95).get(0)!.raw).toBe(-1);
    // Later in the window is worth less; the earliest detection counts.
    const late = new Pool([sweepOf(f)], [scores({ 55: 0.9, 58: 0.9 })]).at(standard, 0.5).get(0)!;
    expect(late.raw).toBeGreaterThan(0);
    expect(late.raw).toBeLessThan(1);
    expect(late.windowsHit).toBe(1);
  });

  it("charges fpWeight before the first window and almost nothing right after one", () => {
    const f = file("a/x.csv");
    const before = new Pool([sweepOf(f)], [scores({ 20: 0.9 })]).at(standard, 0.5).get(0)!;
    expect(before.raw).toBeCloseTo(-1 - 0.11, 9);
    expect(before.fpRows).toBe(1);
    const after = new Pool([sweepOf(f)], [scores({ 60: 0.9 })]).at(standard, 0.5).get(0)!;
    expect(after.raw).toBeGreaterThan(-1 - 0.11 * 0.3);
    expect(after.raw).toBeLessThan(-1);
    // Probation rows are never scored.
    expect(new Pool([sweepOf(f)], [scores({ 3: 0.9 })]).at(standard, 0.5).get(0)!.raw).toBe(-1);
  });

  it("sweeps the threshold over the included files only", () => {
    const a = file("a/x.csv");
    const b = file("b/y.csv");
    // File a: the window scores 0.6, a false alarm 0.8. File b: a clean hit at 0.9.
    const pool = new Pool([sweepOf(a), sweepOf(b)], [scores({ 30: 0.8, 50: 0.6 }), scores({ 50: 0.9 })]);
    const onlyB = pool.optimise(standard, (f) => f === 1);
    expect(onlyB.threshold).toBe(0.9);
    expect(onlyB.raw).toBeCloseTo(1, 9);
    // On a, catching the window (1) is worth the false alarm (-0.11).
    const onlyA = pool.optimise(standard, (f) => f === 0);
    expect(onlyA.threshold).toBe(0.6);
    expect(onlyA.raw).toBeCloseTo(1 - 0.11, 9);
    // Normalised: perfect 100, never firing 0.
    const bd = bounds([sweepOf(a), sweepOf(b)], standard);
    expect(bd).toEqual({ perfect: 2, null: -2 });
    expect(normalise(2, bd)).toBe(100);
    expect(normalise(pool.optimise(standard).raw, bd)).toBeCloseTo((100 * (1.89 + 2)) / 4, 6);
  });
});
