import { describe, expect, it } from "vitest";
import { buildDigest, type FindingItem } from "./message";

const T = new Date("2026-11-20T03:12:00Z");
const item = (over: Partial<FindingItem>): FindingItem => ({
  kind: "finding", event: "opened", step: 0, findingId: "f1", appId: "checkout-api", appName: "Checkout API", detector: "crash",
  severity: "critical", explanation: "Traffic fell to 0 req/s at 03:12.", startedAt: T, resolvedAt: null, reason: null, ...over,
});
const ack = (ids: string[]) => `https://portal.example/ack/${ids.join("+")}`;

describe("buildDigest", () => {
  it("makes a crash and a threshold breach of one app at one time one incident with one ack link for both", () => {
    const d = buildDigest({
      recipient: "bob@example.com", portalUrl: "https://portal.example/", idempotencyKey: "k1", ackUrl: ack,
      items: [
        item({}),
        item({ findingId: "f2", detector: "threshold", explanation: "Below its floor of 1 req/s since 03:10.", startedAt: new Date(T.getTime() - 120_000) }),
        item({ findingId: "f3", appId: "search", appName: "Search", detector: "no_data", severity: "warning", explanation: "No samples since 03:00." }),
      ],
    });
    expect(d.json.portal.incidents).toHaveLength(2);
    const [first, second] = d.json.portal.incidents;
    expect(first?.detectors).toEqual(["threshold", "crash"]);
    expect(first?.ackUrl).toBe("https://portal.example/ack/f2+f1");
    expect(second?.severity).toBe("warning");
    expect(d.subject).toBe("[CRITICAL] 2 incidents: checkout-api, search");
    expect(d.text).toContain("Acknowledge: https://portal.example/ack/f2+f1");
    expect(d.text).toContain("Open: https://portal.example/apps/checkout-api");
  });

  it("keeps findings of one app far apart in time as separate incidents", () => {
    const d = buildDigest({
      recipient: "bob@example.com", portalUrl: "https://p", idempotencyKey: "k", ackUrl: ack,
      items: [item({}), item({ findingId: "f2", detector: "threshold", startedAt: new Date(T.getTime() - 3 * 3_600_000) })],
    });
    expect(d.json.portal.incidents).toHaveLength(2);
  });

  it("says when a message is an escalation, and lists resolutions and change notices", () => {
    const d = buildDigest({
      recipient: "lee@example.com", portalUrl: "https://p", idempotencyKey: "k", ackUrl: ack,
      items: [
        item({ event: "escalated", step: 2, reason: "lead" }),
        item({ findingId: "f9", event: "resolved", detector: "trend", resolvedAt: T }),
        { kind: "notice", appId: "checkout-api", appName: "Checkout API", actor: "Lee Lead", what: "changed the thresholds", why: "too noisy" },
      ],
    });
    expect(d.subject).toBe("[CRITICAL] Checkout API: crash (escalated, not acknowledged)");
    expect(d.text).toContain("Escalated (step 2, you are lead)");
    expect(d.text).toContain("Resolved:\n- Checkout API: trend");
    expect(d.text).toContain('Lee Lead changed the thresholds — "too noisy"');
    expect(d.json.portal.notices).toHaveLength(1);
  });

  it("names a notice-only message after the change", () => {
    const d = buildDigest({
      recipient: "bob@example.com", portalUrl: "https://p", idempotencyKey: "k", ackUrl: () => null,
      items: [{ kind: "notice", appId: "a", appName: "A", actor: "Lee", what: "changed the backup", why: null }],
    });
    expect(d.subject).toBe("[NOTICE] A: Lee changed the backup");
    expect(d.json.portal.incidents).toEqual([]);
  });

  it("a stewardship reminder is one message listing the apps due, with why and a link to each", () => {
    const d = buildDigest({
      recipient: "bob@example.com", portalUrl: "https://portal.example", idempotencyKey: "k9", ackUrl: ack,
      items: [{ kind: "reminder", reminder: "confirm", apps: [
        { appId: "card-vault", appName: "Card vault", reasons: ["Bob has not confirmed this app is still theirs."] },
        { appId: "checkout-api", appName: "Checkout API", reasons: ["Bob has not confirmed this app is still theirs."] },
      ] }],
    });
    expect(d.subject).toBe("[STEWARDSHIP] Still yours? 2 apps due for confirmation");
    expect(d.text).toContain("- Card vault (card-vault): https://portal.example/apps/card-vault");
    expect(d.json.portal.reminders[0]?.apps.map((a) => a.appUrl)).toEqual(["https://portal.example/apps/card-vault", "https://portal.example/apps/checkout-api"]);
    const lead = buildDigest({
      recipient: "lee@example.com", portalUrl: "https://portal.example", idempotencyKey: "k10", ackUrl: ack,
      items: [{ kind: "reminder", reminder: "stale", apps: [{ appId: "crawler", appName: "Crawler", reasons: ["No thresholds are set."] }] }],
    });
    expect(lead.subject).toBe("[STEWARDSHIP] 1 stale app in your team");
    expect(lead.text).toContain("Stale apps in your team:");
  });
});
