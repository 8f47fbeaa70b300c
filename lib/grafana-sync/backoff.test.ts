import { describe, expect, it } from "vitest";
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("doubles the ceiling per attempt from 5 s", () => {
    expect(retryDelayMs(1, () => 1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(2, () => 1)).toBe(2 * RETRY_BASE_MS);
    expect(retryDelayMs(4, () => 1)).toBe(8 * RETRY_BASE_MS);
  });

  it("never waits longer than the 10 min cap, however many attempts", () => {
    expect(retryDelayMs(50, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(10_000, () => 0.999)).toBeLessThanOrEqual(RETRY_CAP_MS);
  });

  it("spreads delays over the whole window (full jitter) with a 1 s floor", () => {
    expect(retryDelayMs(6, () => 0)).toBe(1_000);
    expect(retryDelayMs(6, () => 0.5)).toBe(Math.round(0.5 * 32 * RETRY_BASE_MS));
    const draws = Array.from({ length: 200 }, () => retryDelayMs(8));
    expect(new Set(draws).size).toBeGreaterThan(150);
    expect(Math.min(...draws)).toBeLessThan(RETRY_CAP_MS / 4);
  });
});
