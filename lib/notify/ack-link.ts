import "server-only";
import { db } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/secret";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { portalBaseUrl } from "@/lib/http/base-url";
import { acknowledgeFinding, type AckView } from "@/lib/findings/acknowledge";
import { signAckToken, verifyAckToken, type AckClaims } from "./ack-token";

export function portalUrl(): string {
  return portalBaseUrl(env());
}

// The link in a notification that acknowledges the findings of one incident, as the person it
// was sent to, without signing in. It expires after ACK_LINK_TTL_HOURS.
export function ackLink(findingIds: string[], userId: string, now = new Date()): string {
  const expiresAt = now.getTime() + env().ACK_LINK_TTL_HOURS * 3_600_000;
  return `${portalUrl()}/ack/${signAckToken(sessionSecret(), { findingIds, userId, expiresAt })}`;
}

const REFUSED: Record<string, string> = {
  expired: "This acknowledgement link has expired; open the app in the portal instead",
  bad_signature: "This is not a valid acknowledgement link",
  malformed: "This is not a valid acknowledgement link",
};

export function readAckToken(token: string): AckClaims {
  const check = verifyAckToken(sessionSecret(), token, Date.now());
  if (!check.ok) throw new AppError(check.reason === "expired" ? "gone" : "not_found", REFUSED[check.reason] ?? "Invalid link", { token: check.reason });
  return check.claims;
}

// What the ack page shows before the person confirms (a GET never acknowledges: mail scanners
// and link previews open links).
export async function describeAckToken(token: string) {
  const claims = readAckToken(token);
  const [user, findings] = await Promise.all([
    db().user.findUnique({ where: { id: claims.userId }, select: { name: true, email: true } }),
    db().finding.findMany({
      where: { id: { in: claims.findingIds } },
      select: {
        id: true, detector: true, severity: true, status: true, explanation: true, startedAt: true, acknowledgedAt: true,
        acknowledgedBy: { select: { name: true, email: true } }, app: { select: { appId: true, name: true } },
      },
    }),
  ]);
  if (!user) throw new AppError("not_found", "The person this link was sent to no longer exists");
  return { user, expiresAt: new Date(claims.expiresAt).toISOString(), findings };
}

// Acknowledges every finding the link names, as the person it was sent to.
export async function acknowledgeByToken(token: string): Promise<AckView[]> {
  const claims = readAckToken(token);
  const user = await db().user.findUnique({ where: { id: claims.userId }, select: { id: true, role: true, teamId: true } });
  if (!user) throw new AppError("not_found", "The person this link was sent to no longer exists");
  const who = { id: user.id, role: user.role as Role, teamId: user.teamId };
  const out: AckView[] = [];
  for (const id of claims.findingIds) {
    try {
      out.push(await acknowledgeFinding(who, id, "link"));
    } catch (error) {
      // one finding of the incident resolved meanwhile (or was deleted with its app): ack the rest
      if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) continue;
      throw error;
    }
  }
  if (out.length === 0) throw new AppError("conflict", "Everything this link names is already resolved");
  return out;
}
