import { describe, expect, it } from "vitest";
import { coverageOf, coverageSeries, meanTimeToAck, riskView, unownedByTraffic, whoAnswers, type RiskApp } from "./risk";
import { planReminders } from "./reminders";
import { compareBy, matchesFilter, matchesFinding, matchesLevel, needsFleet } from "./list-filters";

const alice = { email: "alice@x", name: "Alice" };
const bob = { email: "bob@x", name: "Bob" };

const app = (a: Partial<RiskApp> & { appId: string }): RiskApp => ({
  name: a.appId, teamId: "t1", team: "pay", owner: alice, backup: null, alerting: false, reachable: true, stale: false,
  noThresholds: false, level: "bronze", recentRps: null, responder: alice.email, ...a,
});

describe("risk view", () => {
  const apps = [
    app({ appId: "a", alerting: true, reachable: false, stale: true }),
    app({ appId: "b", alerting: true, backup: bob, level: "silver" }),
    app({ appId: "c", owner: null, responder: null, reachable: false, alerting: true, recentRps: 5, noThresholds: true, level: "none" }),
    app({ appId: "d", owner: null, responder: null, reachable: false, recentRps: 50, teamId: "t2", team: "search", level: "none" }),
    app({ appId: "e", owner: null, responder: null, reachable: false, teamId: "t2", team: "search", level: "none" }),
  ];
  const teams = [{ id: "t1", slug: "pay", name: "Payments" }, { id: "t2", slug: "search", name: "Search" }];
  const t0 = new Date("2026-12-01T10:00:00Z");
  const acks = [
    { teamId: "t1", startedAt: t0, acknowledgedAt: new Date(t0.getTime() + 4 * 60_000) },
    { teamId: "t1", startedAt: t0, acknowledgedAt: new Date(t0.getTime() + 8 * 60_000) },
    { teamId: "t2", startedAt: t0, acknowledgedAt: new Date(t0.getTime() + 30 * 60_000) },
  ];

  it("counts per team and in total: alerting and of those nobody reachable, unowned, without thresholds, stale, scorecard, MTTA", () => {
    const v = riskView(teams, apps, acks);
    const pay = v.teams[0]!;
    expect(pay).toMatchObject({ slug: "pay", apps: 3, alerting: 3, alertingUnreachable: 2, unowned: 1, noThresholds: 1, stale: 1, mttaMs: 6 * 60_000, acknowledged: 2 });
    expect(pay.scorecard).toEqual({ none: 1, bronze: 1, silver: 1, gold: 0 });
    expect(v.totals).toMatchObject({ apps: 5, alerting: 3, alertingUnreachable: 2, unowned: 3, mttaMs: (4 + 8 + 30) / 3 * 60_000, acknowledged: 3 });
    expect(v.teams[1]!.unownedByTraffic.map((u) => u.appId)).toEqual(["d", "e"]);
  });

  it("orders unowned apps by recent traffic, apps without traffic last", () => {
    expect(unownedByTraffic(apps).map((a) => [a.appId, a.recentRps])).toEqual([["d", 50], ["c", 5], ["e", null]]);
    expect(unownedByTraffic(apps, 1)).toHaveLength(1);
  });

  it("who answers for what: owned and backed apps per person and how many they answer for now", () => {
    expect(whoAnswers(apps)).toEqual([
      { email: "alice@x", name: "Alice", owns: ["a", "b"], backs: [], answersNow: 2 },
      { email: "bob@x", name: "Bob", owns: [], backs: ["b"], answersNow: 0 },
    ]);
  });

  it("mean time to acknowledge is null without acknowledgements", () => {
    expect(meanTimeToAck([])).toBeNull();
  });

  it("coverage: a team's day from its apps, and series per team or summed over teams", () => {
    expect(coverageOf(apps.slice(0, 3))).toEqual({ apps: 3, owned: 2, withBackup: 1, reachable: 1 });
    const rows = [
      { teamId: "t1", day: "2026-12-02", apps: 3, owned: 2, withBackup: 1, reachable: 1 },
      { teamId: "t2", day: "2026-12-02", apps: 2, owned: 0, withBackup: 0, reachable: 0 },
      { teamId: "t1", day: "2026-12-01", apps: 3, owned: 1, withBackup: 0, reachable: 1 },
    ];
    expect(coverageSeries(rows, "t1").map((p) => [p.day, p.owned])).toEqual([["2026-12-01", 1], ["2026-12-02", 2]]);
    expect(coverageSeries(rows, null).at(-1)).toEqual({ day: "2026-12-02", apps: 5, owned: 2, withBackup: 1, reachable: 1 });
  });
});

describe("reminders", () => {
  const due = { code: "not_confirmed" as const, text: "Alice has not confirmed…" };
  const other = { code: "no_thresholds" as const, text: "No thresholds are set…" };
  it("one message per owner listing their apps due, one per lead listing the team's stale apps", () => {
    const plan = planReminders(
      [
        { appId: "a", name: "A", teamId: "t1", owner: { id: "alice", active: true }, stale: true, reasons: [due] },
        { appId: "b", name: "B", teamId: "t1", owner: { id: "alice", active: true }, stale: true, reasons: [due, other] },
        { appId: "c", name: "C", teamId: "t1", owner: { id: "bob", active: true }, stale: true, reasons: [other] },
        { appId: "d", name: "D", teamId: "t1", owner: { id: "gone", active: false }, stale: true, reasons: [due] },
        { appId: "e", name: "E", teamId: "t2", owner: null, stale: false, reasons: [other] },
      ],
      [{ id: "lee", teamId: "t1", active: true }, { id: "sam", teamId: "t2", active: true }, { id: "old", teamId: "t1", active: false }],
    );
    expect(plan.map((p) => [p.userId, p.notice.kind, p.notice.apps.map((a) => a.appId)])).toEqual([
      ["alice", "confirm", ["a", "b"]],
      ["lee", "stale", ["a", "b", "c", "d"]],
    ]);
    expect(plan[0]!.notice.apps[1]).toEqual({ appId: "b", appName: "B", reasons: [due.text] });
  });
});

describe("list filters and sorts", () => {
  const row = (appId: string, o: Record<string, unknown> = {}) => ({
    appId, owner: { id: "x" } as never, alerting: false, reachable: true, worstFinding: null, sync: "synced" as const, recentRps: null,
    stewardship: { stale: false, reasons: [] as { code: string; text: string }[] }, ...o,
  }) as never;
  it("filters by stewardship reasons, alerting and worst finding", () => {
    expect(matchesFilter(row("a", { stewardship: { stale: true, reasons: [{ code: "no_thresholds", text: "" }] } }), "no_thresholds")).toBe(true);
    expect(matchesFilter(row("a"), "stale")).toBe(false);
    expect(matchesFilter(row("a", { alerting: true, reachable: false }), "alerting_unreachable")).toBe(true);
    expect(matchesFilter(row("a", { alerting: true }), "alerting_unreachable")).toBe(false);
    expect(matchesFinding(row("a", { worstFinding: { severity: "critical" } }), "critical")).toBe(true);
    expect(matchesFinding(row("a"), "none")).toBe(true);
    expect(matchesFinding(row("a"), "any")).toBe(false);
  });
  it("sorts worst finding first, failed sync first, busiest first; ties by appId", () => {
    const rows = [row("c"), row("b", { worstFinding: { severity: "warning" }, sync: "failed", recentRps: 1 }), row("a", { worstFinding: { severity: "critical" }, sync: "pending", recentRps: 9 })];
    const ids = (s: "finding" | "sync" | "traffic" | "appId") => [...rows].sort(compareBy(s)).map((r: { appId: string }) => r.appId);
    expect(ids("finding")).toEqual(["a", "b", "c"]);
    expect(ids("sync")).toEqual(["b", "a", "c"]);
    expect(ids("traffic")).toEqual(["a", "b", "c"]);
    expect(ids("appId")).toEqual(["a", "b", "c"]);
  });
  it("only computed filters and sorts need the whole fleet", () => {
    expect(needsFleet({ filter: "unowned", sort: "appId" })).toBe(false);
    expect(needsFleet({ filter: "stale", sort: "appId" })).toBe(true);
    expect(needsFleet({ filter: "all", sort: "sync" })).toBe(true);
    expect(needsFleet({ filter: "all", sort: "appId", finding: "none" })).toBe(true);
    expect(needsFleet({ filter: "all", sort: "appId", level: "gold" })).toBe(true);
    expect(matchesLevel(row("a", { scorecard: { level: "gold" } }), "gold")).toBe(true);
    expect(matchesLevel(row("a", { scorecard: { level: "silver" } }), "gold")).toBe(false);
    expect(matchesLevel(row("a"), undefined)).toBe(true);
  });
});
