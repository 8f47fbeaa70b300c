import type { Who } from "@/lib/ownership/permissions";

export type ThresholdAccess = { teamId: string; ownerId: string | null; backupId: string | null };

// Thresholds decide when someone gets paged, so the people who get paged may tune them:
// the owner and the backup, plus the lead of the app's team and admins.
export function canEditThresholds(who: Who, app: ThresholdAccess): boolean {
  if (who.role === "admin") return true;
  if (who.role === "lead" && who.teamId === app.teamId) return true;
  return (app.ownerId !== null && app.ownerId === who.id) || (app.backupId !== null && app.backupId === who.id);
}
