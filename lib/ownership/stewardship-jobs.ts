import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isUniqueViolation } from "@/lib/errors";
import { queueFor } from "@/lib/notify/queue";
import { toRiskApp } from "./overview";
import { planReminders } from "./reminders";
import { coverageOf, utcDay } from "./risk";
import { DAY_MS } from "./stewardship";
import { loadFleet, type FleetApp } from "./stewardship-load";

// The daily stewardship work, run by the scheduler every hour (job "stewardship", exclusive):
//  1. one CoverageSnapshot per team for today (upsert: the day's last run wins), and
//  2. once per UTC day, the reminders: the Lease row "stewardship-reminders@<day>" is inserted in
//     the same transaction that queues the day's reminder notifications, so one run a day queues
//     them (the lease's unique key refuses a second; a run that dies before committing leaves
//     nothing, and the next hourly run queues them); delivery (lib/notify/deliver.ts) is at-least-once.

export async function writeCoverageSnapshots(now = new Date(), fleet?: FleetApp[]): Promise<number> {
  const apps = fleet ?? (await loadFleet({}, now));
  const teams = await db().team.findMany({ select: { id: true } });
  const day = utcDay(now);
  for (const t of teams) {
    const c = coverageOf(apps.filter((a) => a.teamId === t.id).map((a) => toRiskApp(a, now)));
    await db().coverageSnapshot.upsert({ where: { teamId_day: { teamId: t.id, day } }, create: { teamId: t.id, day, ...c }, update: c });
  }
  return teams.length;
}

export type ReminderReport = { day: string; queued: number; people: number; alreadyDone: boolean };

export async function queueReminders(now = new Date(), fleet?: FleetApp[]): Promise<ReminderReport> {
  const day = utcDay(now);
  const apps = fleet ?? (await loadFleet({}, now));
  const leads = await db().user.findMany({ where: { role: "lead" }, select: { id: true, teamId: true, active: true } });
  const plan = planReminders(
    apps.map((a) => ({ appId: a.appId, name: a.name, teamId: a.teamId, owner: a.owner ? { id: a.owner.id, active: a.owner.active } : null, stale: a.stewardship.stale, reasons: a.stewardship.reasons })),
    leads,
  );
  const smtp = Boolean(env().SMTP_URL);
  try {
    const queued = await db().$transaction(async (tx) => {
      // first statement: a second run the same day fails here and changes nothing
      await tx.lease.create({ data: { name: `stewardship-reminders@${day}`, holder: "stewardship", expiresAt: new Date(Date.parse(day) + 2 * DAY_MS) } });
      const people = await tx.user.findMany({ where: { id: { in: plan.map((p) => p.userId) } }, select: { id: true, notifyEmail: true, notifyWebhook: true } });
      const contact = new Map(people.map((p) => [p.id, p]));
      let n = 0;
      for (const p of plan) n += await queueFor(tx, { findingId: null, event: "reminder", notice: p.notice }, [contact.get(p.userId)], smtp, now);
      return n;
    });
    return { day, queued, people: plan.length, alreadyDone: false };
  } catch (error) {
    if (isUniqueViolation(error)) return { day, queued: 0, people: 0, alreadyDone: true };
    throw error;
  }
}

export async function runStewardshipDaily(now = new Date()) {
  const fleet = await loadFleet({}, now);
  await writeCoverageSnapshots(now, fleet);
  return queueReminders(now, fleet);
}
