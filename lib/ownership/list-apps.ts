import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { AppListQuery } from "@/lib/validation/ownership";
import { appInclude, toAppSummary } from "./views";

// Keyset pagination on appId (unique, stable order): the cursor is the last appId returned.
export async function listApps(actor: Actor, query: AppListQuery) {
  const where = {
    ...(query.team ? { team: { slug: query.team } } : {}),
    ...(query.q ? { searchText: { contains: query.q.toLowerCase() } } : {}),
    ...(query.cursor ? { appId: { gt: query.cursor } } : {}),
    ...(query.filter === "unowned" ? { ownership: { is: null } } : {}),
    ...(query.filter === "mine" ? { ownership: { is: { OR: [{ ownerId: actor.id }, { backupId: actor.id }] } } } : {}),
  };
  const rows = await db().app.findMany({ where, include: appInclude, orderBy: { appId: "asc" }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const now = new Date();
  return {
    items: page.map((r) => toAppSummary(r, now)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.appId ?? null) : null,
  };
}
