import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { parseScopes, type Scope } from "@/lib/auth/scopes";
import { generateToken } from "@/lib/auth/tokens";

type Row = { id: string; name: string; prefix: string; scopes: string; createdAt: Date; lastUsedAt: Date | null; teamId: string | null };

const select = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, teamId: true } as const;

async function teamSlugs(rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))];
  if (ids.length === 0) return new Map();
  const teams = await db().team.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  return new Map(teams.map((t) => [t.id, t.slug]));
}

const view = (t: Row, slugs: Map<string, string>) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: parseScopes(t.scopes),
  team: (t.teamId && slugs.get(t.teamId)) ?? null,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export type TokenRequest = { name: string; scopes?: Scope[]; team?: string | null };

// read and write tokens act as their person (write can do what the person can). An ingest
// token writes traffic for apps its person does not edit, so it takes a lead (their own
// team's apps) or an admin (one team, or every app).
export async function createToken(who: { id: string; role: string; teamId: string | null }, req: TokenRequest) {
  const scopes = req.scopes ?? ["write"];
  let teamId: string | null = null;
  if (req.team) {
    const team = await db().team.findUnique({ where: { slug: req.team }, select: { id: true } });
    if (!team) throw new AppError("validation_failed", `team ${req.team} does not exist`, { team: "is not a known team" });
    teamId = team.id;
  }
  if (scopes.includes("ingest")) {
    if (who.role !== "admin" && !(who.role === "lead" && teamId !== null && teamId === who.teamId)) {
      throw forbidden(teamId ? "Only that team's lead or an admin can make an ingest token for it" : "Only an admin can make an ingest token for every app; leads name their team");
    }
  }
  const { token, hash, prefix } = generateToken();
  const row = await db().apiToken.create({ data: { userId: who.id, name: req.name, prefix, tokenHash: hash, scopes: scopes.join(","), teamId }, select });
  return { ...view(row, await teamSlugs([row])), token };
}

export async function listTokens(userId: string) {
  const rows = await db().apiToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" }, select });
  const slugs = await teamSlugs(rows);
  return rows.map((r) => view(r, slugs));
}

// Revoking is scoped to the owner inside the query: someone else's token id is simply not found.
export async function revokeToken(userId: string, id: string) {
  const { count } = await db().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("Token");
}
