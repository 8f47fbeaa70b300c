// Pure: who gets which stewardship reminder today. One message per owner listing their apps due
// for confirmation ("still yours?"), and one per lead listing their team's stale apps.
import type { StewardshipReason } from "./stewardship";

export type ReminderApp = {
  appId: string;
  name: string;
  teamId: string;
  owner: { id: string; active: boolean } | null;
  stale: boolean;
  reasons: StewardshipReason[];
};

export type Lead = { id: string; teamId: string | null; active: boolean };

export type ReminderNotice = {
  kind: "confirm" | "stale";
  apps: { appId: string; appName: string; reasons: string[] }[];
};

export type PlannedReminder = { userId: string; notice: ReminderNotice };

export function planReminders(apps: ReminderApp[], leads: Lead[]): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const due = new Map<string, ReminderNotice["apps"]>();
  for (const a of apps) {
    const notConfirmed = a.reasons.find((r) => r.code === "not_confirmed");
    if (!a.owner || !a.owner.active || !notConfirmed) continue;
    due.set(a.owner.id, [...(due.get(a.owner.id) ?? []), { appId: a.appId, appName: a.name, reasons: [notConfirmed.text] }]);
  }
  for (const [userId, list] of [...due].sort(([x], [y]) => x.localeCompare(y))) out.push({ userId, notice: { kind: "confirm", apps: list } });
  for (const lead of [...leads].sort((x, y) => x.id.localeCompare(y.id))) {
    if (!lead.active || !lead.teamId) continue;
    const stale = apps.filter((a) => a.teamId === lead.teamId && a.stale);
    if (stale.length === 0) continue;
    out.push({ userId: lead.id, notice: { kind: "stale", apps: stale.map((a) => ({ appId: a.appId, appName: a.name, reasons: a.reasons.map((r) => r.text) })) } });
  }
  return out;
}
