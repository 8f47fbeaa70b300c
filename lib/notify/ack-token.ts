import crypto from "node:crypto";

// Pure: the token inside an acknowledgement link. It can do exactly one thing — acknowledge the
// findings it names, as the person it was sent to — and only until it expires. The purpose is
// part of what is signed, so no other signed value of the portal (a session) can pass for one.

export type AckClaims = { findingIds: string[]; userId: string; expiresAt: number };

const PURPOSE = "portal.ack-link.v1";

const mac = (secret: string, body: string) => crypto.createHmac("sha256", secret).update(`${PURPOSE}\n${body}`).digest("base64url");

export function signAckToken(secret: string, claims: AckClaims): string {
  const body = Buffer.from(JSON.stringify({ f: claims.findingIds, u: claims.userId, e: claims.expiresAt })).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

export type AckTokenCheck = { ok: true; claims: AckClaims } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export function verifyAckToken(secret: string, token: string, nowMs: number): AckTokenCheck {
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return { ok: false, reason: "malformed" };
  const want = Buffer.from(mac(secret, body));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return { ok: false, reason: "bad_signature" };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const r = raw as { f?: unknown; u?: unknown; e?: unknown };
  const ids = Array.isArray(r.f) && r.f.every((x) => typeof x === "string") ? (r.f as string[]) : null;
  if (!ids || ids.length === 0 || typeof r.u !== "string" || typeof r.e !== "number") return { ok: false, reason: "malformed" };
  if (r.e <= nowMs) return { ok: false, reason: "expired" };
  return { ok: true, claims: { findingIds: ids, userId: r.u, expiresAt: r.e } };
}
