// Who answers for an app right now — derived in this one place and used everywhere
// (API, pages, metrics labels, Grafana labels, notifications).

export type Availability = { awayFrom: Date | null; awayUntil: Date | null };
// `active: false` = deactivated (User.active): such a person answers for nothing, whatever
// their availability says; their apps stay theirs on record and the backup answers.
export type PersonWithAvailability = Availability & { id: string; email: string; name: string; active: boolean };

export type AppState = "unowned" | "owned" | "owner_away" | "unreachable";

// Away while awayFrom <= now < awayUntil; no awayFrom means "from now"; no awayUntil means not away.
export function isAway(p: Availability, now: Date): boolean {
  if (!p.awayUntil || p.awayUntil.getTime() <= now.getTime()) return false;
  return !p.awayFrom || p.awayFrom.getTime() <= now.getTime();
}

/** Whether the person can answer now: active and not away. */
export function canAnswer(p: Availability & { active: boolean }, now: Date): boolean {
  return p.active && !isAway(p, now);
}

/**
 * Who is paged now: the owner, or the backup while the owner is away or deactivated; null when
 * nobody can answer. Whether a page to them arrives (a working contact) is the stewardship's
 * "reachable" (lib/ownership/stewardship.ts someoneReachable), decided on this same person.
 */
export function responderOf<P extends Availability & { active: boolean }>(
  owner: P | null,
  backup: P | null,
  now: Date,
): P | null {
  if (!owner) return null;
  if (canAnswer(owner, now)) return owner;
  if (backup && canAnswer(backup, now)) return backup;
  return null;
}

// owner_away: the backup is answering (the owner is away or deactivated); unreachable: owned,
// but nobody can be reached.
export function appState(owner: PersonWithAvailability | null, backup: PersonWithAvailability | null, now: Date): AppState {
  if (!owner) return "unowned";
  if (canAnswer(owner, now)) return "owned";
  return responderOf(owner, backup, now) ? "owner_away" : "unreachable";
}
