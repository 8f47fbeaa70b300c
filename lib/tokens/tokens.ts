import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { generateToken } from "@/lib/auth/tokens";

const view = (t: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export async function createToken(userId: string, name: string) {
  const { token, hash, prefix } = generateToken();
  const row = await db().apiToken.create({ data: { userId, name, prefix, tokenHash: hash } });
  return { ...view(row), token };
}

export async function listTokens(userId: string) {
  const rows = await db().apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map(view);
}

// Revoking is scoped to the owner inside the query: someone else's token id is simply not found.
export async function revokeToken(userId: string, id: string) {
  const { count } = await db().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("Token");
}
