import "server-only";
import { cookies } from "next/headers";
import { actorFromSession } from "./actor";
import { SESSION_COOKIE } from "./session";
import type { Role } from "./roles";

export type CurrentUser = { id: string; email: string; name: string; role: Role; team: string | null; sessionId: string | null };

// For server components and layouts: the signed-in user (of a live session), or null.
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const jar = await cookies();
  const actor = await actorFromSession(jar.get(SESSION_COOKIE)?.value);
  return actor ? { id: actor.id, email: actor.email, name: actor.name, role: actor.role, team: actor.teamSlug, sessionId: actor.sessionId } : null;
}
