import { describe, expect, it } from "vitest";
import { checkDryRun, checkUpdate, DEFAULT_FORM, draftLimits, formFromThresholds } from "./form";

const values = { floorRps: "10", ceilingRps: "", maxWeeklyDropPercent: "30", for: "5m", severity: "critical" as const, enabled: true, reason: " quieter nights " };

describe("checkUpdate", () => {
  it("turns the form into the API body: empty optional limits are null, the base version goes along", () => {
    expect(checkUpdate(values, 4)).toEqual({
      ok: true,
      input: { floorRps: 10, ceilingRps: null, maxWeeklyDropPercent: 30, for: "5m", severity: "critical", enabled: true, reason: "quieter nights", baseVersion: 4 },
    });
  });

  it("reports the schema's messages per field, as the server would", () => {
    const result = checkUpdate({ ...values, floorRps: "", ceilingRps: "abc", for: "5 min", reason: "" }, 0);
    expect(result).toEqual({
      ok: false,
      errors: { floorRps: "is required", ceilingRps: "must be a number", for: expect.stringMatching(/Prometheus duration/), reason: "is required" },
    });
    expect(checkUpdate({ ...values, floorRps: "50", ceilingRps: "20" }, 0)).toEqual({ ok: false, errors: { ceilingRps: "must be above the floor" } });
    expect(checkUpdate({ ...values, floorRps: "-2" }, 0)).toEqual({ ok: false, errors: { floorRps: "must not be negative" } });
  });
});

describe("checkDryRun", () => {
  it("needs no reason", () => {
    expect(checkDryRun({ ...values, reason: "" })).toMatchObject({ ok: true, input: { floorRps: 10 } });
    expect(checkDryRun({ ...values, maxWeeklyDropPercent: "120" })).toEqual({ ok: false, errors: { maxWeeklyDropPercent: "must be at most 100" } });
  });
});

describe("formFromThresholds", () => {
  it("fills the form from the current version with an empty reason, or starts from defaults", () => {
    const t = { version: 2, floorRps: 3, ceilingRps: 90, maxWeeklyDropPercent: null, for: "1h", severity: "info" as const, enabled: false, reason: "old", author: null, createdAt: "" };
    expect(formFromThresholds(t)).toEqual({ floorRps: "3", ceilingRps: "90", maxWeeklyDropPercent: "", for: "1h", severity: "info", enabled: false, reason: "" });
    expect(formFromThresholds(null)).toBe(DEFAULT_FORM);
  });
});

describe("draftLimits", () => {
  it("draws only limits that are valid numbers", () => {
    expect(draftLimits({ ...values, ceilingRps: "500" })).toEqual({ floorRps: 10, ceilingRps: 500 });
    expect(draftLimits({ ...values, floorRps: "-1", ceilingRps: "x" })).toEqual({ floorRps: null, ceilingRps: null });
  });
});
