// Pure: whether an app's ownership is still true, why not (in words), and its scorecard level.
// Everything here is a function of facts loaded elsewhere (lib/ownership/stewardship-load.ts),
// so the app view, the lists, the overview and the reminders job all decide the same way.
import { responderOf, type Availability } from "./responder";

export const DAY_MS = 86_400_000;

/** Default and bounds of Team.confirmEveryDays. */
export const CONFIRM_EVERY_DAYS_DEFAULT = 90;
export const CONFIRM_EVERY_DAYS_MIN = 7;
export const CONFIRM_EVERY_DAYS_MAX = 365;

/**
 * thresholds_outdated: the median of the daily mean traffic (requests per second) over the last
 * OUTDATED_WINDOW_DAYS complete UTC days after the thresholds were set — at least
 * OUTDATED_MIN_DAYS of them with traffic — is below the floor, above the ceiling, more than
 * OUTDATED_FACTOR times the floor, or less than 1/OUTDATED_FACTOR of the ceiling.
 */
export const OUTDATED_WINDOW_DAYS = 7;
export const OUTDATED_MIN_DAYS = 3;
export const OUTDATED_FACTOR = 10;

/** findings_ignored looks at critical findings that started within this many days. */
export const IGNORED_WINDOW_DAYS = 30;

export const REASON_CODES = [
  "not_confirmed",
  "owner_inactive",
  "owner_left_team",
  "owner_unreachable",
  "no_thresholds",
  "thresholds_outdated",
  "findings_ignored",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
export type StewardshipReason = { code: ReasonCode; text: string };

export type StewardPerson = Availability & {
  id: string;
  name: string;
  active: boolean;
  teamId: string | null;
  notifyEmail: string | null;
  notifyWebhook: string | null;
  /** Their latest notification delivery (last 30 days) finally failed. */
  deliveryFailing?: boolean;
};

export type ThresholdFacts = { floorRps: number; ceilingRps: number | null; enabled: boolean; setAt: Date };

/** A critical finding as findings_ignored sees it. */
export type CriticalFinding = { startedAt: Date; acknowledgedAt: Date | null; resolvedAt: Date | null; paged: boolean };

export type StewardshipFacts = {
  teamId: string;
  confirmEveryDays: number;
  confirmedAt: Date | null;
  /** When the current ownership started (claim or transfer); counts as the first confirmation. */
  ownerSince: Date | null;
  owner: StewardPerson | null;
  backup: StewardPerson | null;
  /** SMTP configured: an email address is a working contact only then. */
  smtp: boolean;
  /** The current (latest) thresholds version, or null when there is none. */
  thresholds: ThresholdFacts | null;
  /** Daily mean traffic (rps) per UTC day start (epoch ms); days without traffic are absent. */
  dailyMeans: Map<number, number>;
  /** Critical findings that started within IGNORED_WINDOW_DAYS. */
  criticalFindings: CriticalFinding[];
  /** How long the team's escalation policy takes to run all its steps (ms). */
  escalationMs: number;
};

export type Stewardship = {
  confirmedAt: string | null;
  /** When the next confirmation is due (null for unowned apps). */
  confirmDueAt: string | null;
  stale: boolean;
  reasons: StewardshipReason[];
};

const days = (ms: number) => Math.round(ms / DAY_MS);
const dayStart = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
const fmtRps = (v: number) => (Number.isInteger(v) || v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toPrecision(2));

/** A person someone could reach: active, not away, and with a channel that works. */
export function hasWorkingContact(p: StewardPerson, smtp: boolean): boolean {
  if (p.deliveryFailing) return false;
  return Boolean(p.notifyWebhook) || (Boolean(p.notifyEmail) && smtp);
}

/** Active with a working contact (whether or not away right now). */
export function contactable(p: StewardPerson | null, smtp: boolean): boolean {
  return p !== null && p.active && hasWorkingContact(p, smtp);
}

/**
 * Whoever would be paged for the app now can actually be reached: the responder (owner, or the
 * backup while the owner is away or deactivated — responderOf, the one definition pages, Grafana
 * and the lists use) exists and has a working contact. An available owner without one is not
 * made up for by the backup: pages go to the owner.
 */
export function someoneReachable(owner: StewardPerson | null, backup: StewardPerson | null, smtp: boolean, now: Date): boolean {
  const responder = responderOf(owner, backup, now);
  return responder !== null && hasWorkingContact(responder, smtp);
}

/** When the next confirmation is due: last confirmation (or the ownership's start) + the team's interval. */
export function confirmDueAt(f: Pick<StewardshipFacts, "confirmedAt" | "ownerSince" | "confirmEveryDays">): Date | null {
  const last = f.confirmedAt ?? f.ownerSince;
  return last ? new Date(last.getTime() + f.confirmEveryDays * DAY_MS) : null;
}

/** Median of the daily means of up to OUTDATED_WINDOW_DAYS complete days after `setAt`; null with too few days. */
export function recentTrafficLevel(dailyMeans: Map<number, number>, setAt: Date, now: Date): number | null {
  const today = dayStart(now.getTime());
  const firstFull = dayStart(setAt.getTime()) + (setAt.getTime() % DAY_MS === 0 ? 0 : DAY_MS);
  const values: number[] = [];
  for (let d = today - DAY_MS; d >= firstFull && d >= today - OUTDATED_WINDOW_DAYS * DAY_MS; d -= DAY_MS) {
    const v = dailyMeans.get(d);
    if (v !== undefined && Number.isFinite(v)) values.push(v);
  }
  if (values.length < OUTDATED_MIN_DAYS) return null;
  values.sort((a, b) => a - b);
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/** Why the thresholds no longer fit the traffic, or null when they do (or it cannot be told). */
export function thresholdsOutdated(t: ThresholdFacts, dailyMeans: Map<number, number>, now: Date): string | null {
  const level = recentTrafficLevel(dailyMeans, t.setAt, now);
  if (level === null) return null;
  const lvl = `${fmtRps(level)} req/s`;
  if (level < t.floorRps) return `Traffic has usually been ${lvl} lately (median of daily means), below the floor of ${fmtRps(t.floorRps)} req/s: the floor no longer describes normal traffic.`;
  if (t.ceilingRps !== null && level > t.ceilingRps) return `Traffic has usually been ${lvl} lately, above the ceiling of ${fmtRps(t.ceilingRps)} req/s.`;
  if (level > t.floorRps * OUTDATED_FACTOR) return `Traffic has usually been ${lvl} lately, more than ${OUTDATED_FACTOR}× the floor of ${fmtRps(t.floorRps)} req/s: a large drop would not be noticed.`;
  if (t.ceilingRps !== null && level * OUTDATED_FACTOR < t.ceilingRps) return `Traffic has usually been ${lvl} lately, less than a ${OUTDATED_FACTOR}th of the ceiling of ${fmtRps(t.ceilingRps)} req/s: a large spike would not be noticed.`;
  return null;
}

/** A critical, paged finding nobody acknowledged within the time the whole escalation takes. */
export function isIgnored(f: CriticalFinding, escalationMs: number, now: Date): boolean {
  if (!f.paged) return false;
  // acknowledged: how long that took; not acknowledged: until it resolved on its own, or until now
  const answeredAt = f.acknowledgedAt ?? f.resolvedAt ?? now;
  return answeredAt.getTime() - f.startedAt.getTime() > escalationMs;
}

const minutes = (ms: number) => (ms >= 3_600_000 && ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`);

/** The reasons that hold for the app now, in the order of REASON_CODES. */
export function stewardshipReasons(f: StewardshipFacts, now: Date): StewardshipReason[] {
  const out: StewardshipReason[] = [];
  const o = f.owner;
  if (o) {
    const due = confirmDueAt(f);
    if (due && due.getTime() <= now.getTime()) {
      const last = f.confirmedAt
        ? `last confirmed ${days(now.getTime() - f.confirmedAt.getTime())} days ago`
        : `never confirmed since taking it over ${days(now.getTime() - (f.ownerSince ?? now).getTime())} days ago`;
      out.push({ code: "not_confirmed", text: `${o.name} has not confirmed this app is still theirs: ${last}; the team asks every ${f.confirmEveryDays} days.` });
    }
    if (!o.active) out.push({ code: "owner_inactive", text: `${o.name} has been deactivated: they can no longer sign in or be paged.` });
    if (o.teamId !== f.teamId) out.push({ code: "owner_left_team", text: `${o.name} is no longer in the team this app belongs to.` });
    if (!someoneReachable(o, f.backup, f.smtp, now)) {
      const why = !hasWorkingContact(o, f.smtp)
        ? o.deliveryFailing
          ? `the last message to ${o.name} could not be delivered`
          : `${o.name} has no working contact (no webhook${f.smtp ? " or email" : ", and email is not configured"})`
        : !o.active
          ? `${o.name} is deactivated`
          : `${o.name} is away`;
      const backup = f.backup ? `, and the backup ${f.backup.name} cannot be reached either` : ", and there is no backup";
      out.push({ code: "owner_unreachable", text: `Nobody can be reached for this app: ${why}${backup}.` });
    }
  }
  if (!f.thresholds) out.push({ code: "no_thresholds", text: "No thresholds are set: only crashes and anomalies can page anyone." });
  else {
    const why = thresholdsOutdated(f.thresholds, f.dailyMeans, now);
    if (why) out.push({ code: "thresholds_outdated", text: why });
  }
  const ignored = f.criticalFindings.filter((c) => isIgnored(c, f.escalationMs, now)).length;
  if (ignored > 0) {
    out.push({
      code: "findings_ignored",
      text: `${ignored} critical finding${ignored === 1 ? " was" : "s were"} not acknowledged within the ${minutes(f.escalationMs)} the escalation takes (last ${IGNORED_WINDOW_DAYS} days).`,
    });
  }
  return out;
}

/**
 * `stale`: the app is owned and at least one reason holds. Unowned apps are never stale — they
 * are unowned, a list of their own — though their threshold and findings reasons are shown.
 */
export function stewardshipOf(f: StewardshipFacts, now: Date): Stewardship {
  const reasons = stewardshipReasons(f, now);
  const due = f.owner ? confirmDueAt(f) : null;
  return { confirmedAt: f.confirmedAt?.toISOString() ?? null, confirmDueAt: due?.toISOString() ?? null, stale: f.owner !== null && reasons.length > 0, reasons };
}

export type ScoreLevel = "none" | "bronze" | "silver" | "gold";
export const SCORE_LEVELS: readonly ScoreLevel[] = ["none", "bronze", "silver", "gold"];

export type Scorecard = { level: ScoreLevel; missing: string[] };

/**
 * bronze: an active owner; silver: + a backup + thresholds; gold: + owner and backup both
 * active with a working contact, someone of them reachable now (not away), + confirmed in time
 * + no ignored critical finding.
 * `missing` says what the next level needs.
 */
export function scorecardOf(f: StewardshipFacts, reasons: StewardshipReason[], now: Date): Scorecard {
  const has = (c: ReasonCode) => reasons.some((r) => r.code === c);
  if (!f.owner || !f.owner.active) return { level: "none", missing: [f.owner ? "an active owner" : "an owner"] };
  const silverNeeds = [...(f.backup ? [] : ["a backup"]), ...(f.thresholds ? [] : ["thresholds"])];
  if (silverNeeds.length > 0) return { level: "bronze", missing: silverNeeds };
  const goldNeeds = [
    ...(contactable(f.owner, f.smtp) && contactable(f.backup, f.smtp) && someoneReachable(f.owner, f.backup, f.smtp, now) ? [] : ["owner and backup reachable"]),
    ...(has("not_confirmed") ? ["a confirmation in time"] : []),
    ...(has("findings_ignored") ? ["no ignored critical findings"] : []),
  ];
  if (goldNeeds.length > 0) return { level: "silver", missing: goldNeeds };
  return { level: "gold", missing: [] };
}
