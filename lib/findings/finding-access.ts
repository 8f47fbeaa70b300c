import type { Who } from "@/lib/ownership/permissions";
import { canEditThresholds, type ThresholdAccess } from "@/lib/thresholds/permissions";

// Pure: who may acknowledge, un-acknowledge or resolve a finding by hand, or silence an app —
// the people who get paged for it, i.e. those who may tune its thresholds (owner, backup, the
// lead of its team, admins). A fleet-wide finding (no app) belongs to the admins.
export type FindingWho = Who;
export type FindingScope = ThresholdAccess | null;

export function canActOnFinding(who: FindingWho, scope: FindingScope): boolean {
  return scope ? canEditThresholds(who, scope) : who.role === "admin";
}
