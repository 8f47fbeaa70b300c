import { describe, expect, it } from "vitest";
import { byUrgency, describeDeviation, describeNotification, expectedLabel } from "./format";

describe("byUrgency", () => {
  it("puts critical findings first, then the newest", () => {
    const list = [
      { id: "info", severity: "info" as const, startedAt: "2026-01-01T12:00:00Z" },
      { id: "warn-old", severity: "warning" as const, startedAt: "2026-01-01T08:00:00Z" },
      { id: "crit", severity: "critical" as const, startedAt: "2026-01-01T01:00:00Z" },
      { id: "warn-new", severity: "warning" as const, startedAt: "2026-01-01T10:00:00Z" },
    ];
    expect(byUrgency(list).map((f) => f.id)).toEqual(["crit", "warn-new", "warn-old", "info"]);
  });
});

describe("describeDeviation", () => {
  it("speaks each detector's measure", () => {
    expect(describeDeviation({ detector: "crash", deviation: 0.998 })).toBe("99.8 % below expected");
    expect(describeDeviation({ detector: "trend", deviation: -0.031 })).toBe("losing 3.1 % per day");
    expect(describeDeviation({ detector: "trend", deviation: 0.02 })).toBe("growing 2.0 % per day");
    expect(describeDeviation({ detector: "threshold", deviation: -0.4 })).toBe("40.0 % below the limit");
    expect(describeDeviation({ detector: "anomaly", deviation: 0.9712 })).toBe("anomaly score 0.97");
  });

  it("calls the threshold finding's comparison value the limit", () => {
    expect(expectedLabel("threshold")).toBe("Limit");
    expect(expectedLabel("crash")).toBe("Expected");
  });
});

describe("describeNotification", () => {
  const base = { event: "opened", step: 0, channel: "email", recipient: "bob@example.com", status: "pending", attempts: 0, sentAt: null, lastError: null, deliveries: [] };
  it("says how a delivery went", () => {
    expect(describeNotification({ ...base, status: "sent", attempts: 1, sentAt: "2026-01-01T00:00:00Z" })).toEqual({ what: "Email when it opened", outcome: "sent", tone: "badge-success" });
    expect(describeNotification({ ...base, channel: "webhook", status: "failed", attempts: 5 }).outcome).toBe("failed after 5 attempts");
    expect(describeNotification({ ...base, attempts: 1 }).outcome).toBe("retrying (1 attempt so far)");
    expect(describeNotification(base)).toMatchObject({ outcome: "queued", tone: "badge-neutral" });
  });

  it("names the escalation step, and a page that an acknowledgement made unnecessary", () => {
    expect(describeNotification({ ...base, event: "escalated", step: 2, status: "skipped" })).toEqual({
      what: "Email at escalation step 2", outcome: "not sent: acknowledged first", tone: "badge-neutral",
    });
  });
});
