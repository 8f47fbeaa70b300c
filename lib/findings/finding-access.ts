import type { Role } from "@/lib/auth/roles";

// Pure: who may acknowledge, un-acknowledge or resolve a finding by hand — the people who answer
// for its app (owner, backup), the lead of its team and admins. A fleet-wide finding (no app)
// belongs to the admins.
export type FindingWho = { id: string; role: Role; teamId: string | null };
export type FindingScope = { teamId: string; ownerId: string | null; backupId: string | null } | null;

export function canActOnFinding(who: FindingWho, scope: FindingScope): boolean {
  if (who.role === "admin") return true;
  if (!scope) return false;
  if (who.role === "lead" && who.teamId === scope.teamId) return true;
  return who.id === scope.ownerId || who.id === scope.backupId;
}
