import "server-only";
import { cookies } from "next/headers";
import { actorFromUserId } from "./actor";
import { SESSION_COOKIE, unsealSession } from "./session";
import type { Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string; role: Role; team: string | null };

// For server components and layouts: the signed-in user, or null.
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const jar = await cookies();
  const userId = await unsealSession(jar.get(SESSION_COOKIE)?.value);
  const actor = userId ? await actorFromUserId(userId) : null;
  return actor ? { id: actor.id, email: actor.email, name: actor.name, role: actor.role, team: actor.teamSlug } : null;
}
