import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { AppListQuery } from "@/lib/validation/ownership";
import { compareBy, matchesFilter, matchesFinding, matchesLevel, needsFleet } from "./list-filters";
import { loadFleet, type FleetApp } from "./stewardship-load";
import { appInclude, toAppSummary, type AppRow } from "./views";

function health(f: FleetApp | undefined) {
  return {
    worstFinding: f?.worstFinding ?? null,
    sync: f?.sync ?? "not_configured",
    stale: f?.stewardship.stale ?? false,
    reasons: f?.stewardship.reasons.map((r) => r.code) ?? [],
    level: f?.scorecard.level ?? "none",
    recentRps: f?.recentRps ?? null,
  };
}

// Default order (appId) with a plain filter: keyset pagination on appId in the database (the
// cursor is the last appId returned), and the health of just that page. Computed filters and
// other sorts need every matching app's facts: they are decided in memory and paged by
// position (the cursor is "@<offset>").
export async function listApps(actor: Actor, query: AppListQuery) {
  const now = new Date();
  const base = {
    ...(query.team ? { team: { slug: query.team } } : {}),
    ...(query.q ? { searchText: { contains: query.q.toLowerCase() } } : {}),
    ...(query.filter === "unowned" ? { ownership: { is: null } } : {}),
    ...(query.filter === "mine" ? { ownership: { is: { OR: [{ ownerId: actor.id }, { backupId: actor.id }] } } } : {}),
    ...(query.person ? { ownership: { is: { OR: [{ owner: { email: query.person } }, { backup: { email: query.person } }] } } } : {}),
  };
  if (!needsFleet(query)) {
    if (query.cursor?.startsWith("@")) throw new AppError("validation_failed", "The cursor does not belong to this list", { cursor: "is not a cursor of this list" });
    const rows = await db().app.findMany({
      where: { ...base, ...(query.cursor ? { appId: { gt: query.cursor } } : {}) },
      include: appInclude, orderBy: { appId: "asc" }, take: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const facts = new Map((await loadFleet({ id: { in: page.map((r) => r.id) } }, now)).map((f) => [f.ref, f]));
    return {
      items: page.map((r) => ({ ...toAppSummary(r, now), ...health(facts.get(r.id)) })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.appId ?? null) : null,
    };
  }
  const offset = query.cursor ? Number(query.cursor.slice(1)) : 0;
  if (query.cursor && (!query.cursor.startsWith("@") || !Number.isInteger(offset) || offset < 0)) {
    throw new AppError("validation_failed", "The cursor does not belong to this list", { cursor: "is not a cursor of this list" });
  }
  const fleet = (await loadFleet(base, now))
    .filter((f) => matchesFilter(f, query.filter) && matchesFinding(f, query.finding) && (!query.sync || f.sync === query.sync) && matchesLevel(f, query.level))
    .sort(compareBy(query.sort));
  const page = fleet.slice(offset, offset + query.limit);
  const rows = await db().app.findMany({ where: { id: { in: page.map((f) => f.ref) } }, include: appInclude });
  const rowOf = new Map<string, AppRow>(rows.map((r) => [r.id, r]));
  return {
    items: page.flatMap((f) => {
      const r = rowOf.get(f.ref);
      return r ? [{ ...toAppSummary(r, now), ...health(f) }] : [];
    }),
    nextCursor: offset + query.limit < fleet.length ? `@${offset + query.limit}` : null,
  };
}
