import "server-only";
import { db } from "@/lib/db/client";
import { sessionFingerprint, unsealSession } from "./session";

// Server-side sessions: a sealed cookie authenticates only while its Session row is live —
// not revoked, not expired, and made while the person had the role, team and password they
// have now (the fingerprint), so any change to those ends every older session by whatever
// path it was made (API, `npm run admin`, the database). Changes that leave no trace in the
// fingerprint (deactivation, "sign out everywhere") call revokeAllSessions.

const TOUCH_MS = 60_000;

export type LiveSession = { userId: string; sessionId: string };

/** The live session a cookie names, or null (and a session found stale is marked revoked). */
export async function liveSession(seal: string | undefined, now = new Date()): Promise<LiveSession | null> {
  const claims = await unsealSession(seal);
  if (!claims) return null;
  const row = await db().session.findUnique({
    where: { id: claims.sid },
    select: { userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true, fingerprint: true, user: { select: { role: true, teamId: true, passwordHash: true } } },
  });
  if (!row || row.userId !== claims.uid || row.revokedAt || row.expiresAt <= now) return null;
  if (row.fingerprint !== sessionFingerprint(row.user)) {
    await db().session.updateMany({ where: { id: claims.sid, revokedAt: null }, data: { revokedAt: now } });
    return null;
  }
  // "last seen" to the minute is enough, and spares every request a write
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    await db().session.updateMany({ where: { id: claims.sid }, data: { lastSeenAt: now } });
  }
  return { userId: row.userId, sessionId: claims.sid };
}

/** Ends one session (logout). Returns whether it was live. */
export async function revokeSession(sessionId: string, userId?: string): Promise<boolean> {
  const { count } = await db().session.updateMany({
    where: { id: sessionId, revokedAt: null, ...(userId ? { userId } : {}) },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/**
 * Ends every session of a person — for deactivation, "sign out everywhere", and any change
 * to who they are. `except` keeps one (the browser that asked). Returns how many ended.
 */
export async function revokeAllSessions(userId: string, opts: { except?: string } = {}): Promise<number> {
  const { count } = await db().session.updateMany({
    where: { userId, revokedAt: null, ...(opts.except ? { id: { not: opts.except } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

export type SessionView = { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; userAgent: string; address: string; current: boolean };

/** A person's live sessions, newest first. */
export async function listSessions(userId: string, currentId: string | null, now = new Date()): Promise<SessionView[]> {
  const rows = await db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    address: s.address,
    current: s.id === currentId,
  }));
}
