import { describe, expect, it } from "vitest";
import { describeSetting, formatDuration } from "./format";

describe("describeSetting", () => {
  it("writes values with their units", () => {
    expect(describeSetting("floorRps", 10)).toBe("10 req/s");
    expect(describeSetting("maxWeeklyDropPercent", 30)).toBe("30%");
    expect(describeSetting("enabled", false)).toBe("paused");
    expect(describeSetting("ceilingRps", null)).toBe("none");
    expect(describeSetting("for", "5m")).toBe("5m");
  });
});

describe("formatDuration", () => {
  it("uses minutes, then hours, then days", () => {
    expect(formatDuration(11 * 60_000)).toBe("11 min");
    expect(formatDuration(90 * 60_000)).toBe("1 h 30 min");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
  });
});
