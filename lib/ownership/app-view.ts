import type { Actor } from "@/lib/auth/actor";
import { permissionsFor } from "./permissions";
import { toAppDetail, type AppRow } from "./views";

// The app as the API returns it, with what the current user may do to it.
export function appView(actor: Actor, row: AppRow, now = new Date()) {
  return {
    ...toAppDetail(row, now),
    permissions: permissionsFor(actor, { teamId: row.teamId, ownerId: row.ownership?.owner.id ?? null }),
  };
}
