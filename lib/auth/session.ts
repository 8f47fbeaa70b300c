import "server-only";
import { sealData, unsealData } from "iron-session";
import { env } from "@/lib/env";
import { sessionSecret } from "./secret";

export const SESSION_COOKIE = "portal_session";

type SessionData = { uid: string; iat: number };

function maxAgeSeconds(): number {
  return Math.round(env().SESSION_MAX_AGE_HOURS * 3600);
}

// The cookie holds only the user id, sealed (encrypted + MAC'd) with iron; role and team
// are read from the database on every request so changes apply at once.
export async function sealSession(userId: string): Promise<string> {
  const data: SessionData = { uid: userId, iat: Date.now() };
  return sealData(data, { password: sessionSecret(), ttl: maxAgeSeconds() });
}

export async function unsealSession(seal: string | undefined): Promise<string | null> {
  if (!seal) return null;
  try {
    const data = await unsealData<Partial<SessionData>>(seal, {
      password: sessionSecret(),
      ttl: maxAgeSeconds(),
    });
    return typeof data.uid === "string" ? data.uid : null;
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
