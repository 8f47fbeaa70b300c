import type { RuleSettings } from "./build-app-rule";
import { promLabelValue, promQuery, reduceLast, threshold } from "./expressions";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, RULE_GROUP_TITLE } from "./names";
import type { ProvisionedAlertRule, Severity } from "./types";
import { detectionRuleUid, folderUid } from "./uids";

export interface DetectionRuleOptions {
  /** Anomaly score at or above which an app alerts even without an open finding. Default 3. */
  anomalyScoreMin?: number;
  for?: string;
  severity?: Severity;
}

/**
 * PromQL over the portal's own metrics for one team. A series exists only for an app with open
 * findings or a high anomaly score; joining `portal_app_owner_info` (value 1) copies the app's
 * team, owner and responder onto it, so each app becomes its own alert instance routed to its
 * responder. The rule sets no app/owner/responder labels itself: rule labels would win over
 * the series' labels.
 */
export function detectionQuery(team: string, anomalyScoreMin: number): string {
  return [
    "max by (app, team, owner, responder) (",
    "  (",
    "    (sum by (app) (portal_detection_open_findings) > 0)",
    `    or (max by (app) (portal_app_anomaly_score) >= ${anomalyScoreMin})`,
    "  )",
    `  * on (app) group_left (team, owner, responder) portal_app_owner_info{team="${promLabelValue(team)}"}`,
    ")",
  ].join("\n");
}

/** One rule per team group alerting on the portal's detection outputs. */
export function buildDetectionRule(team: string, s: RuleSettings, opts: DetectionRuleOptions = {}): ProvisionedAlertRule {
  const scoreMin = opts.anomalyScoreMin ?? 3;
  return {
    uid: detectionRuleUid(team),
    orgID: 1,
    folderUID: folderUid(team),
    ruleGroup: RULE_GROUP_TITLE,
    title: `Detection findings: ${team}`,
    condition: "C",
    data: [
      promQuery("A", s.datasourceUid, detectionQuery(team, scoreMin)),
      reduceLast("B", "A"),
      threshold("C", "B", { type: "gt", params: [0] }),
    ],
    // No series means no findings: that is the healthy state, not missing data.
    noDataState: "OK",
    execErrState: "Error",
    for: opts.for ?? "0s",
    isPaused: false,
    labels: { team, severity: opts.severity ?? "warning", [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    annotations: {
      summary: `{{ $labels.app }} has open detection findings or an anomaly score ≥ ${scoreMin}`,
      portal_url: `${s.portalUrl}/apps/{{ $labels.app }}`,
    },
  };
}
