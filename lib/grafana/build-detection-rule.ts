import type { RuleSettings } from "./build-app-rule";
import { promLabelValue, promQuery, reduceLast, threshold } from "./expressions";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, RULE_GROUP_TITLE } from "./names";
import type { ProvisionedAlertRule, Severity } from "./types";
import { detectionRuleUid, folderUid } from "./uids";

export interface DetectionRuleOptions {
  /** Also alert when an app's anomaly score (0–1) reaches this; off by default (info level). */
  anomalyScoreMin?: number;
  /** Detectors whose open findings alert. Default crash and trend. */
  detectors?: readonly string[];
  for?: string;
  severity?: Severity;
}

/**
 * PromQL over the portal's own metrics (docs/metrics.md) for one team. `portal_app_open_finding`
 * has a series only while an app has an open finding; joining `portal_app_owner_info` (value 1)
 * copies the app's team, owner and responder onto it, so each app becomes its own alert instance
 * routed to its responder. The rule sets no app/owner/responder labels itself: rule labels would
 * win over the series' labels.
 */
export function detectionQuery(team: string, detectors: readonly string[], anomalyScoreMin?: number): string {
  const findings = `max by (app_id) (portal_app_open_finding{detector=~"${detectors.map(promLabelValue).join("|")}"})`;
  const signal = anomalyScoreMin === undefined ? findings : `(${findings} or (max by (app_id) (portal_app_anomaly_score) >= bool ${anomalyScoreMin}) > 0)`;
  return [
    "max by (app_id, team, owner, responder) (",
    `  ${signal}`,
    // max by: several portal replicas export the same owner info; one series per app is wanted
    `  * on (app_id) group_left (team, owner, responder) max by (app_id, team, owner, responder) (portal_app_owner_info{team="${promLabelValue(team)}"})`,
    ")",
  ].join("\n");
}

/** One rule per team group alerting on the portal's detection outputs. */
export function buildDetectionRule(team: string, s: RuleSettings, opts: DetectionRuleOptions = {}): ProvisionedAlertRule {
  const detectors = opts.detectors ?? ["crash", "trend"];
  return {
    uid: detectionRuleUid(team),
    orgID: 1,
    folderUID: folderUid(team),
    ruleGroup: RULE_GROUP_TITLE,
    title: `Detection findings: ${team}`,
    condition: "C",
    data: [
      promQuery("A", s.datasourceUid, detectionQuery(team, detectors, opts.anomalyScoreMin)),
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
      summary: `{{ $labels.app_id }} has an open ${detectors.join(" or ")} finding in the ownership portal`,
      portal_url: `${s.portalUrl}/apps/{{ $labels.app_id }}`,
    },
  };
}
