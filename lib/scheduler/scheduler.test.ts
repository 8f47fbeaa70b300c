import { afterEach, describe, expect, it, vi } from "vitest";
import { startJobs } from "./scheduler";

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
