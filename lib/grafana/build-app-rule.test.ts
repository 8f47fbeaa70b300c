import { describe, expect, it } from "vitest";
import { app, ruleSettings } from "../../test/grafana/fixtures";
import { buildAppRule } from "./build-app-rule";

const model = (rule: ReturnType<typeof buildAppRule>, refId: string) => rule.data.find((q) => q.refId === refId)?.model;

describe("buildAppRule", () => {
  it("builds query → reduce(last) → threshold lt for a floor only", () => {
    const rule = buildAppRule(app("checkout-api", "payments", { floorRps: 10 }), ruleSettings);
    expect(rule.data.map((q) => q.refId)).toEqual(["A", "B", "C"]);
    expect(rule.condition).toBe("C");
    expect(model(rule, "A")?.expr).toBe('sum(rate(http_requests_total{app="checkout-api"}[5m]))');
    expect(model(rule, "B")).toMatchObject({ type: "reduce", reducer: "last", expression: "A" });
    expect(model(rule, "C")).toMatchObject({ type: "threshold", expression: "B", conditions: [{ evaluator: { type: "lt", params: [10] } }] });
  });

  it("uses outside_range for floor and ceiling, gt for a ceiling over a zero floor", () => {
    const both = buildAppRule(app("a", "t", { floorRps: 5, ceilingRps: 500 }), ruleSettings);
    expect(model(both, "C")?.conditions).toEqual([{ evaluator: { type: "outside_range", params: [5, 500] } }]);
    const ceiling = buildAppRule(app("a", "t", { floorRps: 0, ceilingRps: 500 }), ruleSettings);
    expect(model(ceiling, "C")?.conditions).toEqual([{ evaluator: { type: "gt", params: [500] } }]);
  });

  it("adds a week-ago comparison combined with the range check when a weekly drop is set", () => {
    const rule = buildAppRule(app("a", "t", { maxWeeklyDropPercent: 30 }), ruleSettings);
    expect(rule.condition).toBe("H");
    expect(model(rule, "D")?.expr).toBe('last_over_time((sum(rate(http_requests_total{app="a"}[5m])))[10m:1m] offset 1w)');
    expect(model(rule, "F")).toMatchObject({ type: "math", expression: "(1 - $B / $E) * 100" });
    expect(model(rule, "G")?.conditions).toEqual([{ evaluator: { type: "gt", params: [30] } }]);
    expect(model(rule, "H")).toMatchObject({ type: "math", expression: "$C > 0 || $G > 0" });
  });

  it("carries uid, folder, for, pause state, labels and annotations", () => {
    const rule = buildAppRule(
      app("checkout-api", "payments", { floorRps: 10, ceilingRps: 500, for: "10m", severity: "critical", enabled: false }, {
        owner: "alice@example.com",
        responder: "bob@example.com",
      }),
      ruleSettings,
    );
    expect(rule).toMatchObject({ uid: "op-app-checkout-api", folderUID: "op-team-payments", ruleGroup: "ownership-portal", for: "10m", isPaused: true });
    expect(rule.labels).toEqual({
      app: "checkout-api",
      team: "payments",
      owner: "alice@example.com",
      responder: "bob@example.com",
      severity: "critical",
      managed_by: "ownership-portal",
    });
    expect(rule.annotations?.summary).toContain("outside 10–500 req/s for 10m");
    expect(rule.annotations?.portal_url).toBe("https://portal.example.com/apps/checkout-api");
  });

  it("labels an app without a reachable responder as none", () => {
    const rule = buildAppRule(app("a", "t", {}, { owner: null, responder: null }), ruleSettings);
    expect(rule.labels).toMatchObject({ owner: "none", responder: "none" });
  });

  // Golden files (as pyrra keeps its generated rules): the whole rule Grafana receives, pinned; a
  // change to it shows up as a diff in review. Regenerate with `npx vitest run -u` and read the diff.
  it("builds exactly the pinned rule for a floor + ceiling + weekly drop, and for a floor only", async () => {
    const full = buildAppRule(app("checkout-api", "payments", { floorRps: 5, ceilingRps: 500, maxWeeklyDropPercent: 20 }), ruleSettings);
    await expect(`${JSON.stringify(full, null, 2)}\n`).toMatchFileSnapshot("./__golden__/app-rule-full.json");
    const floor = buildAppRule(app("checkout-api", "payments", { floorRps: 10 }), ruleSettings);
    await expect(`${JSON.stringify(floor, null, 2)}\n`).toMatchFileSnapshot("./__golden__/app-rule-floor.json");
  });
});
