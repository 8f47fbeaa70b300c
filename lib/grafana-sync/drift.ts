import type { RuleDifference } from "@/lib/grafana/diff-rules";
import { appRuleUid, detectionRuleUid } from "@/lib/grafana/uids";
import type { DriftEntry } from "./types";

// Pure: attribute rule differences to apps and teams, and decide what a repair must touch.

export interface AppKey {
  appRef: string;
  appId: string;
  team: string;
  /** Whether the app has thresholds (a rule is intended). */
  hasRule: boolean;
}

export function attributeDrift(diffs: readonly RuleDifference[], apps: readonly AppKey[], teams: readonly string[]): DriftEntry[] {
  const byUid = new Map<string, { appId: string | null; team: string }>();
  for (const t of teams) byUid.set(detectionRuleUid(t), { appId: null, team: t });
  for (const a of apps) byUid.set(appRuleUid(a.appId), { appId: a.appId, team: a.team });
  return diffs.map((d) => {
    const owner = byUid.get(d.uid);
    return { appId: owner?.appId ?? null, team: owner?.team ?? null, uid: d.uid, kind: d.kind, message: d.message, changes: d.changes };
  });
}

export interface RepairPlan {
  /** Apps to re-enqueue: their team's group is pushed again (it also removes strays in it). */
  appIds: string[];
  /** Portal-labelled rules that match no app or team any more: delete them directly. */
  strayUids: string[];
}

/** A team-level drift (its detection rule) re-arms one app of the team: the push is per team. */
export function planRepair(drift: readonly DriftEntry[], apps: readonly AppKey[]): RepairPlan {
  const appIds = new Set<string>();
  const strayUids: string[] = [];
  for (const d of drift) {
    if (d.appId) appIds.add(d.appId);
    else if (d.team) {
      const any = apps.find((a) => a.team === d.team && a.hasRule) ?? apps.find((a) => a.team === d.team);
      if (any) appIds.add(any.appId);
    } else strayUids.push(d.uid);
  }
  return { appIds: [...appIds].sort(), strayUids: strayUids.sort() };
}
