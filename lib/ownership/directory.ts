import "server-only";
import { db } from "@/lib/db/client";

export async function listTeams() {
  return db().team.findMany({ orderBy: { slug: "asc" }, select: { slug: true, name: true } });
}
