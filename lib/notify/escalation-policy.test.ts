import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY, afterMs, nextDueStep, policyFromRow, schedule } from "./escalation-policy";

const M = 60_000;

describe("escalation schedule", () => {
  it("by default pages the backup after 10 minutes and the lead after 20", () => {
    expect(schedule(DEFAULT_POLICY)).toEqual([
      { number: 1, position: 1, notify: "backup", offsetMs: 10 * M },
      { number: 2, position: 2, notify: "lead", offsetMs: 20 * M },
    ]);
  });

  it("repeats the whole policy after its last delay", () => {
    const s = schedule({ steps: [{ after: "5m", notify: "backup" }, { after: "15m", notify: "admins" }], repeat: 2 });
    expect(s.map((x) => [x.number, x.position, x.offsetMs / M])).toEqual([[1, 1, 5], [2, 2, 15], [3, 1, 20], [4, 2, 30], [5, 1, 35], [6, 2, 45]]);
  });

  it("takes the next step only when it is due, and none after the last", () => {
    expect(nextDueStep(DEFAULT_POLICY, 0, 0, 9 * M)).toBeNull();
    expect(nextDueStep(DEFAULT_POLICY, 0, 0, 10 * M)?.notify).toBe("backup");
    expect(nextDueStep(DEFAULT_POLICY, 1, 0, 19 * M)).toBeNull();
    expect(nextDueStep(DEFAULT_POLICY, 1, 0, 25 * M)?.notify).toBe("lead");
    expect(nextDueStep(DEFAULT_POLICY, 2, 0, 999 * M)).toBeNull();
  });

  it("shortens every delay by the time scale", () => {
    expect(nextDueStep(DEFAULT_POLICY, 0, 0, 30_000, 0.05)?.notify).toBe("backup");
    expect(nextDueStep(DEFAULT_POLICY, 0, 0, 29_000, 0.05)).toBeNull();
  });

  it("parses minutes and hours only", () => {
    expect(afterMs("1m")).toBe(M);
    expect(afterMs("2h")).toBe(120 * M);
    expect(afterMs("30s")).toBeNull();
    expect(afterMs("m")).toBeNull();
  });

  it("falls back to the default policy for a missing or unreadable row", () => {
    expect(policyFromRow(null)).toBe(DEFAULT_POLICY);
    expect(policyFromRow({ steps: "not json", repeat: 0 })).toBe(DEFAULT_POLICY);
    expect(policyFromRow({ steps: '[{"after":"1m","notify":"admins"}]', repeat: 1 })).toEqual({ steps: [{ after: "1m", notify: "admins" }], repeat: 1 });
  });
});
