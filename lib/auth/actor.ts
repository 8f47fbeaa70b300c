import "server-only";
import { db } from "@/lib/db/client";
import { readCookie, SESSION_COOKIE } from "./session";
import { liveSession } from "./sessions";
import { bearerToken, hashToken } from "./tokens";
import { parseScopes, type Scope } from "./scopes";
import type { Role } from "./roles";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamSlug: string | null;
  via: "session" | "token";
  /** the session behind a cookie-authenticated request */
  sessionId: string | null;
  /** a token's scopes; a session may do everything its person may */
  scopes: readonly Scope[];
  /** an ingest token limited to one team's apps */
  tokenTeamId: string | null;
};

const userSelect = { id: true, email: true, name: true, role: true, teamId: true, active: true, team: { select: { slug: true } } } as const;

type UserRow = { id: string; email: string; name: string; role: string; teamId: string | null; active: boolean; team: { slug: string } | null };

const ALL: readonly Scope[] = ["read", "write", "ingest"];

// A deactivated person has no actor: their cookie and tokens stop working on the next request.
function toActor(u: UserRow, extra: Pick<Actor, "via" | "sessionId" | "scopes" | "tokenTeamId">): Actor | null {
  if (!u.active) return null;
  return { id: u.id, email: u.email, name: u.name, role: u.role as Role, teamId: u.teamId, teamSlug: u.team?.slug ?? null, ...extra };
}

export async function actorFromSession(seal: string | undefined): Promise<Actor | null> {
  const live = await liveSession(seal);
  if (!live) return null;
  const user = await db().user.findUnique({ where: { id: live.userId }, select: userSelect });
  return user ? toActor(user, { via: "session", sessionId: live.sessionId, scopes: ALL, tokenTeamId: null }) : null;
}

// A bearer token wins over the cookie: automation never depends on a browser session.
export async function resolveActor(req: Request): Promise<Actor | null> {
  const token = bearerToken(req.headers.get("authorization"));
  if (token) {
    const row = await db().apiToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, revokedAt: true, lastUsedAt: true, scopes: true, teamId: true, user: { select: userSelect } },
    });
    if (!row || row.revokedAt || !row.user.active) return null;
    // "last used" to the minute is enough, and spares busy automation a write per request
    const now = new Date();
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    }
    return toActor(row.user, { via: "token", sessionId: null, scopes: parseScopes(row.scopes), tokenTeamId: row.teamId });
  }
  return actorFromSession(readCookie(req.headers.get("cookie"), SESSION_COOKIE));
}
