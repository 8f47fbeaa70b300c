import type { GroupSettings } from "../../lib/grafana/build-team";
import type { AppAlertInput, Thresholds } from "../../lib/grafana/types";

// Small builders for test inputs; each test passes its own ids.

export const ruleSettings: GroupSettings = {
  datasourceUid: "prometheus",
  queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
  portalUrl: "https://portal.example.com",
  groupIntervalSeconds: 60,
};

export const thresholds = (t: Partial<Thresholds> = {}): Thresholds => ({
  floorRps: 10,
  ceilingRps: null,
  maxWeeklyDropPercent: null,
  for: "5m",
  severity: "warning",
  enabled: true,
  ...t,
});

export const app = (appId: string, team: string, t: Partial<Thresholds> = {}, who: Partial<AppAlertInput> = {}): AppAlertInput => ({
  appId,
  team,
  owner: `${appId}-owner@example.com`,
  responder: `${appId}-owner@example.com`,
  thresholds: thresholds(t),
  ...who,
});
