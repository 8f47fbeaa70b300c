import { afterEach, describe, expect, it, vi } from "vitest";
import { ALIGN_DELAY_MS, startJobs } from "./scheduler";

afterEach(() => vi.useRealTimers());

describe("startJobs", () => {
  it("skips a tick while the previous run is still going, and says so (onSkipped)", async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    let runs = 0;
    let skipped = 0;
    const stop = startJobs(
      [{ name: "slow", intervalMs: 1_000, exclusive: false, run: () => { runs += 1; return new Promise<void>((r) => (release = r)); }, onSkipped: () => (skipped += 1) }],
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(1_000); // first tick starts the run
    await vi.advanceTimersByTimeAsync(3_000); // ticks at 2, 3, 4 s and the 2 s kick-off find it busy
    expect([runs, skipped]).toEqual([1, 4]);
    release();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    stop();
  });
});

describe("startJobs, aligned (the detection job)", () => {
  it("starts ticks at the slot boundary on every replica, and a run longer than the interval delays the next without a backlog", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1, 10, 0, 25)); // 25 s into a 60 s slot
    const starts: number[] = [];
    let release: () => void = () => undefined;
    const stop = startJobs(
      [{ name: "detection", intervalMs: 60_000, exclusive: false, aligned: true, run: () => { starts.push(Date.now()); return new Promise<void>((r) => (release = r)); } }],
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(2_000); // the kick-off run 2 s after start
    expect(starts.map((t) => new Date(t).toISOString())).toEqual(["2026-01-01T10:00:27.000Z"]);
    await vi.advanceTimersByTimeAsync(200_000); // slots at 10:01:01, 10:02:01, 10:03:01 find it busy
    expect(starts).toHaveLength(1);
    release(); // ends at 10:03:47
    await vi.advanceTimersByTimeAsync(60_000);
    // one run at the next slot, none for the slots it missed
    expect(starts.map((t) => new Date(t).toISOString())).toEqual(["2026-01-01T10:00:27.000Z", "2026-01-01T10:04:01.000Z"]);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(new Date(starts[2] as number).toISOString()).toBe(`2026-01-01T10:05:0${ALIGN_DELAY_MS / 1000}.000Z`);
    stop();
  });
});
