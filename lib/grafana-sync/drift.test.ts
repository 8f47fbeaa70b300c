import { describe, expect, it } from "vitest";
import type { RuleDifference } from "@/lib/grafana/diff-rules";
import { appRuleUid, detectionRuleUid } from "@/lib/grafana/uids";
import { attributeDrift, planRepair, type AppKey } from "./drift";

const apps: AppKey[] = [
  { appRef: "r1", appId: "checkout", team: "payments", hasRule: true },
  { appRef: "r2", appId: "ledger", team: "payments", hasRule: false },
];
const diff = (uid: string, kind: RuleDifference["kind"] = "changed"): RuleDifference => ({ uid, kind, changes: [], message: `${uid} ${kind}` });

describe("attributeDrift", () => {
  it("names the app, the team of a detection rule, and nothing for strays", () => {
    const d = attributeDrift([diff(appRuleUid("checkout")), diff(detectionRuleUid("payments")), diff("op-app-deleted", "unexpected")], apps, ["payments"]);
    expect(d.map((x) => [x.appId, x.team])).toEqual([["checkout", "payments"], [null, "payments"], [null, null]]);
  });
});

describe("planRepair", () => {
  it("re-enqueues drifted apps, one app for a team-level drift, and deletes strays", () => {
    const drift = attributeDrift([diff(appRuleUid("ledger"), "unexpected"), diff(detectionRuleUid("payments")), diff("op-app-gone", "unexpected")], apps, ["payments"]);
    expect(planRepair(drift, apps)).toEqual({ appIds: ["checkout", "ledger"], strayUids: ["op-app-gone"] });
  });
});
