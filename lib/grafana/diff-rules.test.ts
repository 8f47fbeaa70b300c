import { describe, expect, it } from "vitest";
import { app, ruleSettings } from "../../test/grafana/fixtures";
import { buildAppRule } from "./build-app-rule";
import { diffRules } from "./diff-rules";
import type { ProvisionedAlertRule } from "./types";

const intended = buildAppRule(app("checkout-api", "payments", { for: "5m" }), ruleSettings);

/** What Grafana sends back: server fields filled, model defaults added, duration re-formatted. */
function asLive(rule: ProvisionedAlertRule, patch: Partial<ProvisionedAlertRule> = {}): ProvisionedAlertRule {
  return {
    ...structuredClone(rule),
    id: 7,
    orgID: 3,
    updated: "2025-01-01T00:00:00Z",
    provenance: "api",
    for: "300s",
    data: rule.data.map((q) => ({ ...q, model: { ...q.model, hide: false } })),
    ...patch,
  };
}

describe("diffRules", () => {
  it("ignores server-filled fields and model defaults", () => {
    expect(diffRules([intended], [asLive(intended)])).toEqual([]);
  });

  it("reports changed fields with a readable message", () => {
    const live = asLive(intended, { for: "10m", labels: { ...intended.labels, owner: "mallory@example.com" } });
    const [d] = diffRules([intended], [live]);
    expect(d?.kind).toBe("changed");
    expect(d?.changes.map((c) => c.path)).toEqual(["for", "labels.owner"]);
    expect(d?.message).toBe(
      'op-app-checkout-api changed: for: portal "5m", Grafana "10m"; labels.owner: portal "checkout-api-owner@example.com", Grafana "mallory@example.com"',
    );
  });

  it("reports a changed threshold inside the expression model", () => {
    const live = asLive(intended);
    const c = live.data.find((q) => q.refId === "C");
    if (c) c.model = { ...c.model, conditions: [{ evaluator: { type: "lt", params: [1] } }] };
    expect(diffRules([intended], [live])[0]?.changes.map((x) => x.path)).toEqual(["data[C].model.conditions"]);
  });

  it("reports missing rules and unexpected portal rules, ignoring rules the portal does not manage", () => {
    const other = buildAppRule(app("old-app", "payments"), ruleSettings);
    const foreign: ProvisionedAlertRule = { ...other, uid: "hand-made", labels: { team: "payments" } };
    const diffs = diffRules([intended], [asLive(other), foreign]);
    expect(diffs.map((d) => [d.uid, d.kind])).toEqual([
      ["op-app-checkout-api", "missing"],
      ["op-app-old-app", "unexpected"],
    ]);
  });
});
