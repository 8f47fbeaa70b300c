import "server-only";
import type { Db } from "@/lib/db/client";
import { APP_PAGE, pagedByAppId } from "@/lib/db/paged";
import { enqueue } from "@/lib/outbox/enqueue";
import { contactSelect } from "@/lib/ownership/views";
import type { SyncAppRow } from "./desired";
import { APP_KIND, chunks } from "./plan";
import { META_AVAILABILITY_CHECKED, getMeta, setMeta } from "./sync-state";

// What the worker reads from the database, always fresh at run time: whatever happened since
// a task was enqueued, the latest state is what gets pushed.

const personSelect = contactSelect;

const syncAppSelect = {
  id: true,
  appId: true,
  team: { select: { slug: true } },
  ownership: { select: { owner: { select: personSelect }, backup: { select: personSelect } } },
  thresholds: {
    orderBy: { version: "desc" },
    take: 1,
    select: { floorRps: true, ceilingRps: true, maxWeeklyDropPercent: true, forDuration: true, severity: true, enabled: true },
  },
  // silences whose end the portal has not yet pushed to Grafana (pauseState done = over and restored)
  silences: { where: { pauseState: { not: "done" } }, select: { from: true, until: true, endedAt: true } },
} as const;

const PAGE = APP_PAGE;
const pagedApps = <T extends { appId: string }>(read: (after: string | undefined) => Promise<T[]>) =>
  pagedByAppId((page) => read(page.where.appId?.gt));
const afterWhere = (after: string | undefined) => (after === undefined ? {} : { appId: { gt: after } });

/** Every app of these teams (a group PUT must carry the whole team). */
export async function loadTeamApps(client: Db, teams: readonly string[]): Promise<SyncAppRow[]> {
  const out: SyncAppRow[] = [];
  for (const slice of chunks(teams, PAGE)) {
    out.push(...(await pagedApps((after) =>
      client.app.findMany({ where: { team: { slug: { in: slice } }, ...afterWhere(after) }, select: syncAppSelect, orderBy: { appId: "asc" }, take: PAGE }),
    )));
  }
  return out;
}

/** Every app (reconcile compares all of Grafana). */
export async function loadAllApps(client: Db): Promise<SyncAppRow[]> {
  return pagedApps((after) => client.app.findMany({ where: afterWhere(after), select: syncAppSelect, orderBy: { appId: "asc" }, take: PAGE }));
}

/** Owner and backup of every app that has a rule (apps with at least one threshold version). */
export async function loadRuleOwnerships(client: Db): Promise<Pick<SyncAppRow, "ownership">[]> {
  return pagedApps((after) =>
    client.app.findMany({
      where: { thresholds: { some: {} }, ownership: { isNot: null }, ...afterWhere(after) },
      select: { appId: true, ownership: { select: { owner: { select: personSelect }, backup: { select: personSelect } } } },
      orderBy: { appId: "asc" },
      take: PAGE,
    }),
  );
}

/** appId → team slug for the apps that still exist. */
export async function teamsOfApps(client: Db, appIds: readonly string[]): Promise<Map<string, { team: string; appRef: string }>> {
  const out = new Map<string, { team: string; appRef: string }>();
  for (const slice of chunks(appIds, PAGE)) {
    const rows = await client.app.findMany({ where: { appId: { in: slice } }, select: { id: true, appId: true, team: { select: { slug: true } } } });
    for (const r of rows) out.set(r.appId, { team: r.team.slug, appRef: r.id });
  }
  return out;
}

/**
 * Absences start and end without anyone touching the portal (awayFrom/awayUntil in the past
 * now), yet they change responders. Enqueue the apps of everyone whose absence started or
 * ended since the last check, so the responder label and route follow within one drain.
 */
export async function armAvailabilityTransitions(client: Db, now: Date): Promise<number> {
  const last = await getMeta(client, META_AVAILABILITY_CHECKED);
  // First run, or a checkpoint from a clock ahead of ours: look back an hour.
  const fallback = now.getTime() - 60 * 60_000;
  const checked = last ? new Date(last).getTime() : NaN;
  const since = new Date(Number.isFinite(checked) && checked <= now.getTime() ? Math.max(checked, fallback - 23 * 60 * 60_000) : fallback);
  const window = { gt: since, lte: now };
  const people = await client.user.findMany({ where: { OR: [{ awayFrom: window }, { awayUntil: window }] }, select: { id: true } });
  let armed = 0;
  if (people.length > 0) {
    const ids = people.map((p) => p.id);
    const apps = await client.app.findMany({
      where: { ownership: { OR: [{ ownerId: { in: ids } }, { backupId: { in: ids } }] } },
      select: { appId: true },
    });
    if (apps.length > 0) {
      await client.$transaction((tx) => enqueue(tx, APP_KIND, apps.map((a) => a.appId)), { timeout: 60_000 });
      armed = apps.length;
    }
  }
  await setMeta(client, META_AVAILABILITY_CHECKED, now.toISOString());
  return armed;
}
