import type { Role } from "@/lib/auth/roles";

export type Who = { id: string; role: Role; teamId: string | null };
export type AppAccess = { teamId: string; ownerId: string | null };

// Owner, the lead of the app's team, or an admin may manage an owned app.
export function canManageApp(who: Who, app: AppAccess): boolean {
  if (who.role === "admin") return true;
  if (who.role === "lead" && who.teamId === app.teamId) return true;
  return app.ownerId !== null && app.ownerId === who.id;
}

export function canRegisterApp(who: Who, teamId: string): boolean {
  return who.role === "admin" || (who.role === "lead" && who.teamId === teamId);
}

export function permissionsFor(who: Who, app: AppAccess) {
  const manage = app.ownerId !== null && canManageApp(who, app);
  return {
    canClaim: app.ownerId === null,
    canRelease: manage,
    canTransfer: manage,
    canChangeBackup: manage,
  };
}
