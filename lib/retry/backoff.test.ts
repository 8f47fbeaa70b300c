import { describe, expect, it } from "vitest";
import { GRAFANA_RETRY } from "@/lib/grafana-sync/backoff";
import { NOTIFY_RETRY } from "@/lib/notify/backoff";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs with the Grafana sync schedule (full jitter)", () => {
  const delay = (attempts: number, random?: () => number) => backoffDelayMs(GRAFANA_RETRY, attempts, random);

  it("doubles the ceiling per attempt from 5 s", () => {
    expect(delay(1, () => 1)).toBe(5_000);
    expect(delay(2, () => 1)).toBe(10_000);
    expect(delay(4, () => 1)).toBe(40_000);
  });

  it("never waits longer than the 10 min cap, however many attempts", () => {
    expect(delay(50, () => 1)).toBe(600_000);
    expect(delay(10_000, () => 0.999)).toBeLessThanOrEqual(600_000);
  });

  it("spreads delays over the whole window with a 1 s floor", () => {
    expect(delay(6, () => 0)).toBe(1_000);
    expect(delay(6, () => 0.5)).toBe(Math.round(0.5 * 32 * 5_000));
    const draws = Array.from({ length: 200 }, () => delay(8));
    expect(new Set(draws).size).toBeGreaterThan(150);
    expect(Math.min(...draws)).toBeLessThan(600_000 / 4);
  });
});

describe("backoffDelayMs with the notification schedule (half jitter)", () => {
  const delay = (attempts: number, random?: () => number) => backoffDelayMs(NOTIFY_RETRY, attempts, random);

  it("waits between half and all of a ceiling that doubles from 30 s", () => {
    expect(delay(1, () => 0)).toBe(15_000);
    expect(delay(1, () => 1)).toBe(30_000);
    expect(delay(3, () => 0)).toBe(60_000);
    expect(delay(3, () => 1)).toBe(120_000);
  });

  it("caps the ceiling at 30 min", () => {
    expect(delay(40, () => 1)).toBe(30 * 60_000);
    expect(delay(40, () => 0)).toBe(15 * 60_000);
  });
});
