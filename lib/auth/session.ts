import "server-only";
import crypto from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { sessionSecret } from "./secret";

export const SESSION_COOKIE = "portal_session";

type SessionData = { uid: string; sid: string; iat: number };

function maxAgeSeconds(): number {
  return Math.round(env().SESSION_MAX_AGE_HOURS * 3600);
}

type FingerprintSource = { role: string; teamId: string | null; passwordHash: string };

/** Changes whenever the person's role, team or password does: such a change ends their sessions. */
export function sessionFingerprint(u: FingerprintSource): string {
  return crypto.createHash("sha256").update(`${u.role}\u0000${u.teamId ?? ""}\u0000${u.passwordHash}`).digest("base64url");
}

export type SessionMeta = { userAgent?: string | null; address?: string | null };

// The cookie holds the user id and the id of a Session row, sealed (encrypted + MAC'd) with
// iron; the row is what makes it valid (lib/auth/sessions.ts), so a session can be ended
// server-side. Role and team are read from the database on every request.
export async function sealSession(userId: string, meta: SessionMeta = {}): Promise<string> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { role: true, teamId: true, passwordHash: true } });
  const session = await db().session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + maxAgeSeconds() * 1000),
      userAgent: (meta.userAgent ?? "").slice(0, 300),
      address: (meta.address ?? "").slice(0, 100),
      fingerprint: sessionFingerprint(user),
    },
    select: { id: true },
  });
  const data: SessionData = { uid: userId, sid: session.id, iat: Date.now() };
  return sealData(data, { password: sessionSecret(), ttl: maxAgeSeconds() });
}

/** What the cookie says (not yet whether its session is still valid), or null. */
export async function unsealSession(seal: string | undefined): Promise<{ uid: string; sid: string } | null> {
  if (!seal) return null;
  try {
    const data = await unsealData<Partial<SessionData>>(seal, { password: sessionSecret(), ttl: maxAgeSeconds() });
    return typeof data.uid === "string" && typeof data.sid === "string" ? { uid: data.uid, sid: data.sid } : null;
  } catch {
    return null;
  }
}

function secureFlag(req: Request): string {
  const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
  return proto === "https" ? "; Secure" : "";
}

export function sessionCookie(req: Request, seal: string): string {
  return `${SESSION_COOKIE}=${seal}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds()}${secureFlag(req)}`;
}

export function clearedSessionCookie(req: Request): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secureFlag(req)}`;
}

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed %-encoding is no session, not a 500
      }
    }
  }
  return undefined;
}

/** The client's address as the nearest proxy reports it (see docs/api.md, sign-in throttling). */
export function clientAddress(req: Request): string | null {
  const xff = req.headers.get("x-forwarded-for");
  const last = xff?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 100) : (req.headers.get("x-real-ip")?.trim().slice(0, 100) || null);
}
