import { buildAppRule, type RuleSettings } from "./build-app-rule";
import { buildDetectionRule, type DetectionRuleOptions } from "./build-detection-rule";
import { RULE_GROUP_TITLE, folderTitle } from "./names";
import type { AlertRuleGroup, AppAlertInput, FolderBody } from "./types";
import { folderUid } from "./uids";

export type GroupSettings = RuleSettings & { groupIntervalSeconds: number };

/** The folder holding one team's rules. */
export function buildTeamFolder(team: string): FolderBody {
  return { uid: folderUid(team), title: folderTitle(team) };
}

/**
 * The whole rule group of one team, for the batched path (one rule-group PUT). It *replaces*
 * the group in Grafana, so `apps` must be every app of the team, not only the changed ones.
 * Rules are sorted by uid so the body is stable for the same input.
 */
export function buildTeamRuleGroup(
  team: string,
  apps: readonly AppAlertInput[],
  s: GroupSettings,
  detection: DetectionRuleOptions | false = {},
): AlertRuleGroup {
  const foreign = apps.find((a) => a.team !== team);
  if (foreign) throw new Error(`buildTeamRuleGroup(${team}): app ${foreign.appId} belongs to team ${foreign.team}`);
  const rules = apps.map((a) => buildAppRule(a, s));
  if (detection !== false) rules.push(buildDetectionRule(team, s, detection));
  rules.sort((a, b) => (a.uid ?? "").localeCompare(b.uid ?? ""));
  return { title: RULE_GROUP_TITLE, folderUid: folderUid(team), interval: s.groupIntervalSeconds, rules };
}

export interface TeamDesiredState {
  team: string;
  folder: FolderBody;
  group: AlertRuleGroup;
}

/** Folder and rule group for every team that has apps, sorted by team. */
export function buildDesiredState(
  apps: readonly AppAlertInput[],
  s: GroupSettings,
  detection: DetectionRuleOptions | false = {},
): TeamDesiredState[] {
  const byTeam = new Map<string, AppAlertInput[]>();
  for (const app of apps) {
    const list = byTeam.get(app.team);
    if (list) list.push(app);
    else byTeam.set(app.team, [app]);
  }
  return [...byTeam.keys()].sort().map((team) => ({
    team,
    folder: buildTeamFolder(team),
    group: buildTeamRuleGroup(team, byTeam.get(team) ?? [], s, detection),
  }));
}
