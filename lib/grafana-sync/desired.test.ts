import { describe, expect, it } from "vitest";
import { desiredResponders, toAlertInput, toPersonContact, type SyncAppRow, type SyncPerson } from "./desired";

const NOW = new Date("2030-01-01T12:00:00Z");
const person = (name: string, p: Partial<SyncPerson> = {}): SyncPerson => ({
  id: name, email: `${name}@example.com`, name, awayFrom: null, awayUntil: null, active: true, notifyEmail: null, notifyWebhook: null, ...p,
});
const th = { floorRps: 10, ceilingRps: null, maxWeeklyDropPercent: null, forDuration: "5m", severity: "critical", enabled: true };
const row = (r: Partial<SyncAppRow> = {}): SyncAppRow => ({
  id: "ref", appId: "checkout", team: { slug: "payments" }, ownership: { owner: person("alice"), backup: person("bob") }, thresholds: [th], ...r,
});
const away = { awayUntil: new Date("2030-01-02T00:00:00Z") };

describe("toAlertInput", () => {
  it("uses the latest thresholds and labels owner and responder", () => {
    expect(toAlertInput(row(), NOW)).toEqual({
      appId: "checkout", team: "payments", owner: "alice@example.com", responder: "alice@example.com",
      thresholds: { floorRps: 10, ceilingRps: null, maxWeeklyDropPercent: null, for: "5m", severity: "critical", enabled: true },
    });
  });

  it("makes the backup responder while the owner is away, nobody when both are", () => {
    expect(toAlertInput(row({ ownership: { owner: person("alice", away), backup: person("bob") } }), NOW)?.responder).toBe("bob@example.com");
    expect(toAlertInput(row({ ownership: { owner: person("alice", away), backup: person("bob", away) } }), NOW)?.responder).toBeNull();
  });

  it("labels the backup as responder once the owner is deactivated", () => {
    expect(toAlertInput(row({ ownership: { owner: person("alice", { active: false }), backup: person("bob") } }), NOW)?.responder).toBe("bob@example.com");
  });

  it("gives an app without thresholds no rule", () => {
    expect(toAlertInput(row({ thresholds: [] }), NOW)).toBeNull();
  });

  it("falls back to warning for an unknown severity", () => {
    expect(toAlertInput(row({ thresholds: [{ ...th, severity: "page-me" }] }), NOW)?.thresholds.severity).toBe("warning");
  });
});

describe("toPersonContact", () => {
  it("prefers the webhook, then the notification email, then the account email", () => {
    expect(toPersonContact(person("a", { notifyWebhook: "https://h.example.com/x", notifyEmail: "n@example.com" })).channel).toEqual({ kind: "webhook", url: "https://h.example.com/x" });
    expect(toPersonContact(person("a", { notifyEmail: "n@example.com" })).channel).toEqual({ kind: "email", address: "n@example.com" });
    expect(toPersonContact(person("a")).channel).toEqual({ kind: "email", address: "a@example.com" });
  });
});

describe("desiredResponders", () => {
  it("lists each current responder once, sorted", () => {
    const rows = [row(), row({ appId: "b" }), row({ ownership: { owner: person("zed", away), backup: person("carol") } }), row({ ownership: null })];
    expect(desiredResponders(rows, NOW).map((p) => p.email)).toEqual(["alice@example.com", "carol@example.com"]);
  });
});
