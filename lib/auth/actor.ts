import "server-only";
import { db } from "@/lib/db/client";
import { readCookie, SESSION_COOKIE, unsealSession } from "./session";
import { bearerToken, hashToken } from "./tokens";
import type { Role } from "./roles";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamSlug: string | null;
  via: "session" | "token";
};

const userSelect = { id: true, email: true, name: true, role: true, teamId: true, active: true, team: { select: { slug: true } } } as const;

type UserRow = { id: string; email: string; name: string; role: string; teamId: string | null; active: boolean; team: { slug: string } | null };

// A deactivated person has no actor: their cookie and tokens stop working on the next request.
function toActor(u: UserRow, via: Actor["via"]): Actor | null {
  if (!u.active) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, teamId: u.teamId, teamSlug: u.team?.slug ?? null, via };
}

export async function actorFromUserId(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: userSelect });
  return user ? toActor(user, "session") : null;
}

// A bearer token wins over the cookie: automation never depends on a browser session.
export async function resolveActor(req: Request): Promise<Actor | null> {
  const token = bearerToken(req.headers.get("authorization"));
  if (token) {
    const row = await db().apiToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: userSelect } },
    });
    if (!row || row.revokedAt || !row.user.active) return null;
    // "last used" to the minute is enough, and spares busy automation a write per request
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    return toActor(row.user, "token");
  }
  const userId = await unsealSession(readCookie(req.headers.get("cookie"), SESSION_COOKIE));
  return userId ? actorFromUserId(userId) : null;
}
