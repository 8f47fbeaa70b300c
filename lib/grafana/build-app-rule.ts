import type { GrafanaSettings } from "./config";
import { math, promLabelValue, promQuery, reduceLast, threshold, weekAgo, type ThresholdEvaluator } from "./expressions";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, NOBODY, RULE_GROUP_TITLE, appPageUrl } from "./names";
import type { AlertQuery, AppAlertInput, ProvisionedAlertRule, Thresholds } from "./types";
import { appRuleUid, folderUid } from "./uids";

export type RuleSettings = Pick<GrafanaSettings, "datasourceUid" | "queryTemplate" | "portalUrl">;

/** The query template with the app id filled in (escaped for a PromQL label value). */
export const appQuery = (template: string, appId: string): string =>
  template.replaceAll("$appId", promLabelValue(appId));

// floor only → `lt floor`; ceiling only (floor ≤ 0) → `gt ceiling`; both → `outside_range`.
function rangeEvaluator(t: Thresholds): ThresholdEvaluator {
  const ceiling = t.ceilingRps ?? null;
  if (ceiling === null) return { type: "lt", params: [t.floorRps] };
  if (t.floorRps <= 0) return { type: "gt", params: [ceiling] };
  return { type: "outside_range", params: [t.floorRps, ceiling] };
}

/**
 * Nodes, one rule per app:
 *   A  rate now (Prometheus, range)      B = last(A)      C = threshold on B (floor/ceiling)
 * and when a weekly-drop limit is set:
 *   D  rate a week ago (subquery offset 1w)  E = last(D)
 *   F  = (1 - B/E) * 100  (percent drop; no alert when last week was 0: the ratio is ±Inf/NaN)
 *   G  = threshold F gt maxWeeklyDropPercent      H = C || G  (the condition)
 * One rule keeps uid ↔ app one-to-one, so upserts, deletes and drift checks stay trivial.
 */
function ruleData(app: AppAlertInput, s: RuleSettings): { data: AlertQuery[]; condition: string } {
  const expr = appQuery(s.queryTemplate, app.appId);
  const data = [promQuery("A", s.datasourceUid, expr), reduceLast("B", "A"), threshold("C", "B", rangeEvaluator(app.thresholds))];
  const drop = app.thresholds.maxWeeklyDropPercent ?? null;
  if (drop === null) return { data, condition: "C" };
  data.push(
    promQuery("D", s.datasourceUid, weekAgo(expr)),
    reduceLast("E", "D"),
    math("F", "(1 - $B / $E) * 100"),
    threshold("G", "F", { type: "gt", params: [drop] }),
    math("H", "$C > 0 || $G > 0"),
  );
  return { data, condition: "H" };
}

export function describeThresholds(t: Thresholds): string {
  const parts = [t.ceilingRps != null ? `outside ${t.floorRps}–${t.ceilingRps} req/s` : `below ${t.floorRps} req/s`];
  if (t.maxWeeklyDropPercent != null) parts.push(`more than ${t.maxWeeklyDropPercent}% below last week`);
  return `${parts.join(" or ")} for ${t.for}`;
}

/** The Grafana rule for one app's thresholds. Pure: same input, same JSON. */
export function buildAppRule(app: AppAlertInput, s: RuleSettings): ProvisionedAlertRule {
  const { data, condition } = ruleData(app, s);
  const t = app.thresholds;
  return {
    uid: appRuleUid(app.appId),
    orgID: 1,
    folderUID: folderUid(app.team),
    ruleGroup: RULE_GROUP_TITLE,
    title: `Traffic: ${app.appId}`,
    condition,
    data,
    noDataState: "NoData",
    execErrState: "Error",
    for: t.for,
    isPaused: !t.enabled || app.silenced === true,
    labels: {
      app: app.appId,
      team: app.team,
      owner: app.owner ?? NOBODY,
      responder: app.responder ?? NOBODY,
      severity: t.severity,
      [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
    },
    annotations: {
      summary: `${app.appId} traffic ${describeThresholds(t)} (now {{ humanize $values.B.Value }} req/s)`,
      portal_url: appPageUrl(s.portalUrl, app.appId),
    },
  };
}
