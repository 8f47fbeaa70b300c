import "server-only";
import { db } from "@/lib/db/client";

export async function listTeams() {
  return db().team.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } });
}

export async function listUsers(q: string | undefined, team: string | undefined, limit = 50) {
  const needle = q?.toLowerCase();
  const rows = await db().user.findMany({
    where: {
      ...(team ? { team: { slug: team } } : {}),
      ...(needle ? { OR: [{ email: { contains: needle } }, { name: { contains: q } }] } : {}),
    },
    orderBy: { email: "asc" },
    take: limit,
    select: { email: true, name: true, role: true, team: { select: { slug: true } } },
  });
  return rows.map((u) => ({ email: u.email, name: u.name, role: u.role, team: u.team?.slug ?? null }));
}
