import type { AppAlertInput, PersonContact, Thresholds } from "@/lib/grafana/types";
import { responderOf, type PersonWithAvailability } from "@/lib/ownership/responder";
import { settingsOf, type ThresholdRow as ThresholdVersionRow } from "@/lib/thresholds/view";

// DB rows → the Grafana builders' inputs. Pure: the loader (load.ts) fetches, this decides.

export type SyncPerson = PersonWithAvailability & { notifyEmail: string | null; notifyWebhook: string | null };

export type ThresholdRow = Pick<ThresholdVersionRow, "floorRps" | "ceilingRps" | "maxWeeklyDropPercent" | "forDuration" | "severity" | "enabled">;

export interface SyncAppRow {
  id: string;
  appId: string;
  team: { slug: string };
  ownership: { owner: SyncPerson; backup: SyncPerson | null } | null;
  /** Latest version first; only the first is used. */
  thresholds: ThresholdRow[];
  /** Silences not yet over (the rule is paused while one is active). */
  silences?: { from: Date; until: Date; endedAt: Date | null }[];
}

/** Whether a silence of the app is active now (its Grafana rule is paused meanwhile). */
export const isSilenced = (row: Pick<SyncAppRow, "silences">, now: Date): boolean =>
  (row.silences ?? []).some((s) => s.endedAt === null && s.from.getTime() <= now.getTime() && s.until.getTime() > now.getTime());

/** Emails are identities in labels and route matchers: one spelling everywhere. */
export const normEmail = (email: string | null | undefined): string | null => (email ? email.trim().toLowerCase() : null);

/** A stored version as the Grafana rule builders take it (the same settings the API shows). */
export const toThresholds = (t: ThresholdRow): Thresholds => settingsOf(t);

/** The responder person of an app right now (the one place that decides is `responderOf`). */
export function responderPerson(row: Pick<SyncAppRow, "ownership">, now: Date): SyncPerson | null {
  return responderOf(row.ownership?.owner ?? null, row.ownership?.backup ?? null, now);
}

/**
 * An app's alert input, or null when it has no thresholds yet: such an app gets no rule
 * (there is nothing to alert on; a default floor would page people for apps nobody tuned).
 */
export function toAlertInput(row: SyncAppRow, now: Date): AppAlertInput | null {
  const latest = row.thresholds[0];
  if (!latest) return null;
  return {
    appId: row.appId,
    team: row.team.slug,
    owner: normEmail(row.ownership?.owner.email),
    responder: normEmail(responderPerson(row, now)?.email),
    thresholds: toThresholds(latest),
    ...(isSilenced(row, now) ? { silenced: true } : {}),
  };
}

/**
 * How Grafana reaches a person: their webhook when set, else their notification email, else
 * their account email. The account email stays their identity in labels and routes.
 */
export function toPersonContact(p: SyncPerson): PersonContact {
  const email = normEmail(p.email) ?? p.email;
  if (p.notifyWebhook) return { email, displayName: p.name, channel: { kind: "webhook", url: p.notifyWebhook } };
  return { email, displayName: p.name, channel: { kind: "email", address: p.notifyEmail || p.email } };
}

/** Every distinct responder of these apps (pass the apps that have a rule): who needs a contact point and a route. */
export function desiredResponders(rows: readonly Pick<SyncAppRow, "ownership">[], now: Date): PersonContact[] {
  const byEmail = new Map<string, PersonContact>();
  for (const row of rows) {
    const p = responderPerson(row, now);
    if (p) {
      const contact = toPersonContact(p);
      byEmail.set(contact.email, contact);
    }
  }
  return [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
}
