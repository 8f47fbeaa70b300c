import { describe, expect, it } from "vitest";
import { app, ruleSettings } from "../../test/grafana/fixtures";
import { buildDetectionRule, detectionQuery } from "./build-detection-rule";
import { buildDesiredState, buildTeamRuleGroup } from "./build-team";
import { buildContactPoint } from "./contact-points";

describe("buildTeamRuleGroup", () => {
  it("puts every app of the team plus the detection rule in one sorted group", () => {
    const g = buildTeamRuleGroup("payments", [app("zeta", "payments"), app("alpha", "payments")], ruleSettings);
    expect(g).toMatchObject({ title: "ownership-portal", folderUid: "op-team-payments", interval: 60 });
    expect(g.rules?.map((r) => r.uid)).toEqual(["op-app-alpha", "op-app-zeta", "op-det-payments"]);
  });

  it("refuses apps of another team (a group PUT would delete them elsewhere)", () => {
    expect(() => buildTeamRuleGroup("payments", [app("x", "search")], ruleSettings)).toThrow(/belongs to team search/);
  });

  it("can leave out the detection rule", () => {
    expect(buildTeamRuleGroup("t", [app("a", "t")], ruleSettings, false).rules).toHaveLength(1);
  });
});

describe("buildDesiredState", () => {
  it("splits apps into one folder and group per team", () => {
    const state = buildDesiredState([app("a", "t2"), app("b", "t1"), app("c", "t2")], ruleSettings);
    expect(state.map((s) => [s.team, s.folder.uid, s.group.rules?.length])).toEqual([
      ["t1", "op-team-t1", 2],
      ["t2", "op-team-t2", 3],
    ]);
  });
});

describe("buildDetectionRule", () => {
  it("joins open crash/trend findings with owner info for the team, without app labels of its own", () => {
    const rule = buildDetectionRule("payments", ruleSettings);
    const q = detectionQuery("payments", ["crash", "trend"]);
    expect(q).toContain('max by (app_id) (portal_app_open_finding{detector=~"crash|trend"})');
    expect(q).not.toContain("portal_app_anomaly_score");
    expect(q).toContain('group_left (team, owner, responder) max by (app_id, team, owner, responder) (portal_app_owner_info{team="payments"})');
    expect(rule.data[0]?.model.expr).toBe(q);
    expect(rule.noDataState).toBe("OK");
    expect(Object.keys(rule.labels ?? {}).sort()).toEqual(["managed_by", "severity", "team"]);
  });

  it("can also alert on a high anomaly score", () => {
    expect(detectionQuery("payments", ["crash"], 0.99)).toContain("(max by (app_id) (portal_app_anomaly_score) >= bool 0.99) > 0");
  });
});

describe("buildContactPoint", () => {
  it("builds an email or webhook contact point named after the person", () => {
    const email = buildContactPoint({ email: "alice@example.com", channel: { kind: "email", address: "alice@example.com" } });
    expect(email).toMatchObject({ name: "portal-responder-alice@example.com", type: "email", settings: { addresses: "alice@example.com" } });
    const hook = buildContactPoint({ email: "bob@example.com", channel: { kind: "webhook", url: "https://hooks.example.com/x", bearerToken: "s3cret" } });
    expect(hook).toMatchObject({ type: "webhook", settings: { url: "https://hooks.example.com/x", authorization_scheme: "Bearer", authorization_credentials: "s3cret" } });
    expect(hook.uid).not.toBe(email.uid);
  });
});
