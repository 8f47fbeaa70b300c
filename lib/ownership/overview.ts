import "server-only";
import { db } from "@/lib/db/client";
import { appState, type AppState } from "./responder";
import { personSelect } from "./views";

export type TeamCounts = { apps: number; owned: number; unowned: number; withBackup: number; ownerAway: number; unreachable: number };

const empty = (): TeamCounts => ({ apps: 0, owned: 0, unowned: 0, withBackup: 0, ownerAway: 0, unreachable: 0 });

// Pure counting, shared by the overview page and the metrics collector.
export function countApp(c: TeamCounts, state: AppState, hasBackup: boolean): void {
  c.apps += 1;
  if (state === "unowned") c.unowned += 1;
  else c.owned += 1;
  if (hasBackup) c.withBackup += 1;
  if (state === "owner_away" || state === "unreachable") c.ownerAway += 1;
  if (state === "unreachable") c.unreachable += 1;
}

export async function teamOverview(now = new Date()) {
  const [teams, apps] = await Promise.all([
    db().team.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true } }),
    db().app.findMany({
      select: { teamId: true, ownership: { select: { owner: { select: personSelect }, backup: { select: personSelect } } } },
    }),
  ]);
  const byTeam = new Map(teams.map((t) => [t.id, empty()]));
  const totals = empty();
  for (const app of apps) {
    const owner = app.ownership?.owner ?? null;
    const backup = app.ownership?.backup ?? null;
    const state = appState(owner, backup, now);
    const counts = byTeam.get(app.teamId);
    if (counts) countApp(counts, state, backup !== null);
    countApp(totals, state, backup !== null);
  }
  return { teams: teams.map((t) => ({ slug: t.slug, name: t.name, ...(byTeam.get(t.id) ?? empty()) })), totals };
}
