import { describe, expect, it } from "vitest";
import { appState, canAnswer, responderOf, type PersonWithAvailability } from "./responder";

const NOW = new Date("2030-01-01T12:00:00Z");
const person = (id: string, p: Partial<PersonWithAvailability> = {}): PersonWithAvailability => ({
  id, email: `${id}@example.com`, name: id, awayFrom: null, awayUntil: null, active: true, ...p,
});
const away = { awayUntil: new Date("2030-01-02T00:00:00Z") };

describe("responderOf", () => {
  it("makes the backup the responder when the owner is deactivated", () => {
    expect(responderOf(person("owner", { active: false }), person("backup"), NOW)?.id).toBe("backup");
    expect(appState(person("owner", { active: false }), person("backup"), NOW)).toBe("owner_away");
  });

  it("answers nobody when the owner is deactivated and the backup is away or deactivated too", () => {
    expect(responderOf(person("owner", { active: false }), person("backup", away), NOW)).toBeNull();
    expect(responderOf(person("owner", { active: false }), person("backup", { active: false }), NOW)).toBeNull();
    expect(responderOf(person("owner", { active: false }), null, NOW)).toBeNull();
    expect(appState(person("owner", { active: false }), null, NOW)).toBe("unreachable");
  });

  it("skips a deactivated backup while the owner is away", () => {
    expect(responderOf(person("owner", away), person("backup", { active: false }), NOW)).toBeNull();
  });

  it("keeps an active, present owner as responder", () => {
    expect(responderOf(person("owner"), person("backup"), NOW)?.id).toBe("owner");
    expect(appState(person("owner"), person("backup"), NOW)).toBe("owned");
  });
});

describe("canAnswer", () => {
  it("is false for a deactivated or away person", () => {
    expect(canAnswer(person("p", { active: false }), NOW)).toBe(false);
    expect(canAnswer(person("p", away), NOW)).toBe(false);
    expect(canAnswer(person("p"), NOW)).toBe(true);
  });
});
