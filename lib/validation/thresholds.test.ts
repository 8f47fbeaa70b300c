import { describe, expect, it } from "vitest";
import { thresholdDryRunSchema, thresholdRollbackSchema, thresholdUpdateSchema } from "./thresholds";

const valid = { floorRps: 10, ceilingRps: 500, maxWeeklyDropPercent: 40, for: "5m", severity: "critical", enabled: true, reason: "launch" };

function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("thresholdUpdateSchema", () => {
  it("accepts a full set and one with only floor, for, severity, enabled and reason", () => {
    expect(thresholdUpdateSchema.parse(valid)).toEqual(valid);
    const minimal = { floorRps: 0, for: "1h30m", severity: "info", enabled: false, reason: "x" };
    expect(thresholdUpdateSchema.parse(minimal)).toEqual(minimal);
    expect(thresholdUpdateSchema.parse({ ...valid, ceilingRps: null, maxWeeklyDropPercent: null })).toMatchObject({ ceilingRps: null });
  });

  it("refuses negatives and non-finite numbers, naming the field", () => {
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, floorRps: -1 }))).toEqual({ floorRps: "must not be negative" });
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, ceilingRps: Infinity }))).toEqual({ ceilingRps: "must be a finite number" });
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, floorRps: Number.NaN }))).toHaveProperty("floorRps");
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, floorRps: "10" }))).toEqual({ floorRps: "must be a number" });
  });

  it("wants the floor below the ceiling, reported on the ceiling", () => {
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, floorRps: 500, ceilingRps: 500 }))).toEqual({ ceilingRps: "must be above the floor" });
  });

  it("keeps the weekly drop in (0, 100]", () => {
    expect(thresholdUpdateSchema.safeParse({ ...valid, maxWeeklyDropPercent: 100 }).success).toBe(true);
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, maxWeeklyDropPercent: 0 }))).toEqual({ maxWeeklyDropPercent: "must be above 0" });
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, maxWeeklyDropPercent: 100.5 }))).toEqual({ maxWeeklyDropPercent: "must be at most 100" });
  });

  it("takes `for` only in Prometheus duration syntax", () => {
    for (const ok of ["0s", "30s", "5m", "1h30m", "2d", "1w", "500ms", "7d", "6d23h59m"]) expect(thresholdUpdateSchema.safeParse({ ...valid, for: ok }).success).toBe(true);
    // and at most 7d: "300y" used to be accepted and broke every team's rules file
    for (const bad of ["5 minutes", "5", "m5", "1m1h", "", "-5m", "1.5m", "1y", "300y", "7d1ms", "99999999999999999999s", "1".repeat(30) + "s"]) {
      expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, for: bad }))).toHaveProperty("for");
    }
  });

  it("requires a reason and a known severity, and refuses unknown fields", () => {
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, reason: "   " }))).toEqual({ reason: "is required" });
    const { reason: _, ...noReason } = valid;
    expect(fieldsOf(thresholdUpdateSchema.safeParse(noReason))).toEqual({ reason: "is required" });
    expect(fieldsOf(thresholdUpdateSchema.safeParse({ ...valid, severity: "page" }))).toEqual({ severity: "must be critical, warning or info" });
    expect(thresholdUpdateSchema.safeParse({ ...valid, colour: "red" }).success).toBe(false);
  });
});

describe("thresholdDryRunSchema", () => {
  it("is the same thresholds without a reason", () => {
    const { reason: _, ...body } = valid;
    expect(thresholdDryRunSchema.parse(body)).toEqual(body);
    expect(fieldsOf(thresholdDryRunSchema.safeParse({ ...body, for: "soon" }))).toHaveProperty("for");
  });
});

describe("thresholdRollbackSchema", () => {
  it("wants a positive whole version", () => {
    expect(thresholdRollbackSchema.parse({ version: 3 })).toEqual({ version: 3 });
    expect(fieldsOf(thresholdRollbackSchema.safeParse({ version: 0 }))).toHaveProperty("version");
    expect(fieldsOf(thresholdRollbackSchema.safeParse({}))).toHaveProperty("version");
  });
});
