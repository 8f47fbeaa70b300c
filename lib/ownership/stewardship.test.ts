import { describe, expect, it } from "vitest";
import {
  DAY_MS, confirmDueAt, isIgnored, recentTrafficLevel, scorecardOf, someoneReachable, stewardshipOf, thresholdsOutdated,
  type StewardPerson, type StewardshipFacts,
} from "./stewardship";

const NOW = new Date(Date.UTC(2026, 11, 2, 12, 0));
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);
const today = Math.floor(NOW.getTime() / DAY_MS) * DAY_MS;

const person = (p: Partial<StewardPerson> = {}): StewardPerson => ({
  id: "u1", name: "Alice", active: true, teamId: "t1", notifyEmail: null, notifyWebhook: "https://hooks.example/a", awayFrom: null, awayUntil: null, ...p,
});

/** A gold app: active reachable owner and backup, thresholds fitting traffic, confirmed lately. */
const facts = (f: Partial<StewardshipFacts> = {}): StewardshipFacts => ({
  teamId: "t1",
  confirmEveryDays: 90,
  confirmedAt: daysAgo(10),
  ownerSince: daysAgo(200),
  owner: person(),
  backup: person({ id: "u2", name: "Bob" }),
  smtp: false,
  thresholds: { floorRps: 20, ceilingRps: 500, enabled: true, setAt: daysAgo(30) },
  dailyMeans: new Map(Array.from({ length: 7 }, (_, i) => [today - (i + 1) * DAY_MS, 100] as [number, number])),
  criticalFindings: [],
  escalationMs: 20 * 60_000,
  ...f,
});

const codes = (f: StewardshipFacts) => stewardshipOf(f, NOW).reasons.map((r) => r.code);

describe("stewardship reasons", () => {
  it("a well-kept app has no reasons, is not stale and is gold", () => {
    const f = facts();
    const s = stewardshipOf(f, NOW);
    expect(s).toMatchObject({ stale: false, reasons: [], confirmedAt: daysAgo(10).toISOString(), confirmDueAt: new Date(daysAgo(10).getTime() + 90 * DAY_MS).toISOString() });
    expect(scorecardOf(f, s.reasons, NOW)).toEqual({ level: "gold", missing: [] });
  });

  it("not_confirmed: the team's interval passed since the last confirmation, or since the ownership started when never confirmed", () => {
    expect(codes(facts({ confirmedAt: daysAgo(91) }))).toEqual(["not_confirmed"]);
    expect(codes(facts({ confirmedAt: daysAgo(89) }))).toEqual([]);
    expect(codes(facts({ confirmedAt: null, ownerSince: daysAgo(100) }))).toEqual(["not_confirmed"]);
    expect(codes(facts({ confirmedAt: null, ownerSince: daysAgo(20) }))).toEqual([]);
    expect(codes(facts({ confirmedAt: daysAgo(31), confirmEveryDays: 30 }))).toEqual(["not_confirmed"]);
    const text = stewardshipOf(facts({ confirmedAt: daysAgo(120) }), NOW).reasons[0]?.text;
    expect(text).toBe("Alice has not confirmed this app is still theirs: last confirmed 120 days ago; the team asks every 90 days.");
    expect(confirmDueAt({ confirmedAt: null, ownerSince: null, confirmEveryDays: 90 })).toBeNull();
  });

  it("owner_inactive and owner_left_team", () => {
    expect(codes(facts({ owner: person({ active: false }) }))).toContain("owner_inactive");
    expect(codes(facts({ owner: person({ teamId: "t2" }) }))).toEqual(["owner_left_team"]);
    expect(codes(facts({ owner: person({ teamId: null }) }))).toEqual(["owner_left_team"]);
  });

  it("owner_unreachable: nobody who would be paged is available with a working contact", () => {
    const away = { awayFrom: daysAgo(1), awayUntil: new Date(NOW.getTime() + DAY_MS) };
    // owner away, backup there: fine (that is what a backup is for)
    expect(codes(facts({ owner: person(away) }))).toEqual([]);
    // owner away and no backup: the overview's "Nobody reachable"
    const r = stewardshipOf(facts({ owner: person(away), backup: null }), NOW).reasons;
    expect(r.map((x) => x.code)).toEqual(["owner_unreachable"]);
    expect(r[0]?.text).toBe("Nobody can be reached for this app: Alice is away, and there is no backup.");
    // no contact at all (email without SMTP does not count)
    const noContact = person({ notifyWebhook: null, notifyEmail: "a@example.com" });
    expect(codes(facts({ owner: noContact, backup: person({ id: "u2", name: "Bob", notifyWebhook: null }) }))).toEqual(["owner_unreachable"]);
    expect(codes(facts({ owner: noContact, backup: null, smtp: true }))).toEqual([]);
    // the last delivery failed
    expect(codes(facts({ owner: person({ deliveryFailing: true }), backup: null }))).toEqual(["owner_unreachable"]);
    // the responder (responderOf) is the one paged: an available owner whose deliveries fail is
    // not made up for by a reachable backup, who hears only when the owner is away or deactivated
    expect(someoneReachable(person({ deliveryFailing: true }), person({ id: "u2" }), false, NOW)).toBe(false);
    expect(someoneReachable(person(away), person({ id: "u2" }), false, NOW)).toBe(true);
    expect(someoneReachable(person({ active: false }), person({ id: "u2" }), false, NOW)).toBe(true);
    expect(someoneReachable(person(away), person({ id: "u2", ...away }), false, NOW)).toBe(false);
    // a deactivated owner with a reachable backup: the backup answers
    expect(codes(facts({ owner: person({ active: false }) }))).toEqual(["owner_inactive"]);
  });

  it("no_thresholds", () => {
    const s = stewardshipOf(facts({ thresholds: null }), NOW);
    expect(s.reasons.map((r) => r.code)).toEqual(["no_thresholds"]);
    expect(s.stale).toBe(true);
  });

  it("unowned apps are never stale, though their threshold reasons show", () => {
    const s = stewardshipOf(facts({ owner: null, backup: null, thresholds: null, confirmedAt: null, ownerSince: null }), NOW);
    expect(s).toMatchObject({ stale: false, confirmDueAt: null });
    expect(s.reasons.map((r) => r.code)).toEqual(["no_thresholds"]);
  });
});

describe("thresholds_outdated", () => {
  const means = (values: number[]) => new Map(values.map((v, i) => [today - (i + 1) * DAY_MS, v] as [number, number]));
  const t = { floorRps: 20, ceilingRps: 500, enabled: true, setAt: daysAgo(30) };

  it("takes the median of the daily means of the last 7 complete days", () => {
    expect(recentTrafficLevel(means([1, 2, 3, 100, 200, 300, 400]), t.setAt, NOW)).toBe(100);
    expect(recentTrafficLevel(means([10, 20, 30, 40]), t.setAt, NOW)).toBe(25);
    // an 8th day back is outside the window
    expect(recentTrafficLevel(means([5, 5, 5, 5, 5, 5, 5, 1000]), t.setAt, NOW)).toBe(5);
  });

  it("needs 3 complete days with traffic after the thresholds were set", () => {
    expect(recentTrafficLevel(means([100, 100]), t.setAt, NOW)).toBeNull();
    // set 2.5 days ago: only 2 complete days since
    expect(recentTrafficLevel(means([100, 100, 100, 100]), daysAgo(2.5), NOW)).toBeNull();
    expect(recentTrafficLevel(means([100, 100, 100, 100]), daysAgo(3.5), NOW)).toBe(100);
  });

  it("is outdated below the floor, above the ceiling, or a factor 10 away from either", () => {
    expect(thresholdsOutdated(t, means([100, 100, 100]), NOW)).toBeNull();
    expect(thresholdsOutdated(t, means([10, 10, 10]), NOW)).toMatch(/below the floor of 20 req\/s/);
    expect(thresholdsOutdated(t, means([600, 600, 600]), NOW)).toMatch(/above the ceiling of 500 req\/s/);
    expect(thresholdsOutdated({ ...t, ceilingRps: null }, means([250, 250, 250]), NOW)).toMatch(/more than 10× the floor/);
    expect(thresholdsOutdated({ ...t, floorRps: 1, ceilingRps: 5000 }, means([300, 300, 300]), NOW)).toMatch(/more than 10× the floor/);
    expect(thresholdsOutdated({ ...t, floorRps: 4, ceilingRps: 5000 }, means([40, 40, 40]), NOW)).toMatch(/a 10th of the ceiling/);
    expect(codes(facts({ dailyMeans: means([10, 10, 10]) }))).toEqual(["thresholds_outdated"]);
  });
});

describe("findings_ignored", () => {
  const esc = 20 * 60_000;
  const f = (startedMinAgo: number, ackAfterMin: number | null, resolvedAfterMin: number | null = null, paged = true) => {
    const startedAt = new Date(NOW.getTime() - startedMinAgo * 60_000);
    const after = (m: number | null) => (m === null ? null : new Date(startedAt.getTime() + m * 60_000));
    return { startedAt, acknowledgedAt: after(ackAfterMin), resolvedAt: after(resolvedAfterMin), paged };
  };

  it("a paged critical finding nobody acknowledged within the escalation time", () => {
    expect(isIgnored(f(60, 5), esc, NOW)).toBe(false);
    expect(isIgnored(f(60, 25), esc, NOW)).toBe(true);
    expect(isIgnored(f(60, null), esc, NOW)).toBe(true); // still open, an hour without ack
    expect(isIgnored(f(10, null), esc, NOW)).toBe(false); // still within the escalation
    expect(isIgnored(f(60, null, 15), esc, NOW)).toBe(false); // resolved on its own before escalation ended
    expect(isIgnored(f(60, null, 45), esc, NOW)).toBe(true);
    expect(isIgnored(f(60, null, null, false), esc, NOW)).toBe(false); // silenced/covered: nobody was paged
  });

  it("becomes a reason with a count and the escalation time in words", () => {
    const r = stewardshipOf(facts({ criticalFindings: [f(60, null), f(120, 30), f(30, 1)] }), NOW).reasons;
    expect(r).toEqual([{ code: "findings_ignored", text: "2 critical findings were not acknowledged within the 20 min the escalation takes (last 30 days)." }]);
  });
});

describe("scorecard", () => {
  const level = (f: StewardshipFacts) => scorecardOf(f, stewardshipOf(f, NOW).reasons, NOW);
  it("none without an (active) owner; bronze with an owner; silver adds backup and thresholds; gold adds reachability, confirmation, no ignored findings", () => {
    expect(level(facts({ owner: null, backup: null }))).toEqual({ level: "none", missing: ["an owner"] });
    expect(level(facts({ owner: person({ active: false }) }))).toEqual({ level: "none", missing: ["an active owner"] });
    expect(level(facts({ backup: null, thresholds: null }))).toEqual({ level: "bronze", missing: ["a backup", "thresholds"] });
    expect(level(facts({ thresholds: null }))).toEqual({ level: "bronze", missing: ["thresholds"] });
    expect(level(facts({ confirmedAt: daysAgo(100) }))).toEqual({ level: "silver", missing: ["a confirmation in time"] });
    expect(level(facts({ backup: person({ id: "u2", notifyWebhook: null }) }))).toEqual({ level: "silver", missing: ["owner and backup reachable"] });
    const ignored = { startedAt: daysAgo(1), acknowledgedAt: null, resolvedAt: null, paged: true };
    expect(level(facts({ criticalFindings: [ignored] }))).toEqual({ level: "silver", missing: ["no ignored critical findings"] });
    // away owner with a reachable backup stays gold: their contacts work and someone answers
    expect(level(facts({ owner: person({ awayFrom: daysAgo(1), awayUntil: new Date(NOW.getTime() + DAY_MS) }) }))).toEqual({ level: "gold", missing: [] });
  });
});
