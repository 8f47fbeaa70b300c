import { describe, expect, it } from "vitest";
import { signAckToken, verifyAckToken } from "./ack-token";

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const claims = { findingIds: ["f1", "f2"], userId: "u1", expiresAt: 1_000_000 };

describe("ack tokens", () => {
  it("verifies a token it signed, until it expires", () => {
    const t = signAckToken(SECRET, claims);
    expect(verifyAckToken(SECRET, t, 999_999)).toEqual({ ok: true, claims });
    expect(verifyAckToken(SECRET, t, 1_000_000)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token signed with another secret or with a changed body", () => {
    const t = signAckToken(SECRET, claims);
    expect(verifyAckToken(`${SECRET}x`, t, 0)).toEqual({ ok: false, reason: "bad_signature" });
    const [, sig] = t.split(".");
    const forged = Buffer.from(JSON.stringify({ f: ["other"], u: "u1", e: 1_000_000 })).toString("base64url");
    expect(verifyAckToken(SECRET, `${forged}.${sig}`, 0)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a plain HMAC of the same body made for another purpose", async () => {
    const crypto = await import("node:crypto");
    const [body] = signAckToken(SECRET, claims).split(".");
    const other = crypto.createHmac("sha256", SECRET).update(body ?? "").digest("base64url");
    expect(verifyAckToken(SECRET, `${body}.${other}`, 0).ok).toBe(false);
  });

  it("refuses malformed tokens", () => {
    expect(verifyAckToken(SECRET, "nodot", 0)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyAckToken(SECRET, "a.b.c", 0)).toEqual({ ok: false, reason: "malformed" });
  });
});
