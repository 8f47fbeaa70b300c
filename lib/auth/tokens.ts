import crypto from "node:crypto";

// API tokens: 32 random bytes, shown once; only the SHA-256 is stored. A fast hash is right
// here (unlike passwords) because the token has 256 bits of entropy.
const PREFIX = "pop_";

export function generateToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + crypto.randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function bearerToken(header: string | null): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
