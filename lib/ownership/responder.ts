// Who answers for an app right now — derived in this one place and used everywhere
// (API, pages, metrics labels, Grafana labels, notifications).

export type Availability = { awayFrom: Date | null; awayUntil: Date | null };
export type PersonWithAvailability = Availability & { id: string; email: string; name: string };

export type AppState = "unowned" | "owned" | "owner_away" | "unreachable";

// Away while awayFrom <= now < awayUntil; no awayFrom means "from now"; no awayUntil means not away.
export function isAway(p: Availability, now: Date): boolean {
  if (!p.awayUntil || p.awayUntil.getTime() <= now.getTime()) return false;
  return !p.awayFrom || p.awayFrom.getTime() <= now.getTime();
}

export function responderOf<P extends PersonWithAvailability>(
  owner: P | null,
  backup: P | null,
  now: Date,
): P | null {
  if (!owner) return null;
  if (!isAway(owner, now)) return owner;
  if (backup && !isAway(backup, now)) return backup;
  return null;
}

// owner_away: the backup is answering; unreachable: owned, but nobody can be reached.
export function appState(owner: PersonWithAvailability | null, backup: PersonWithAvailability | null, now: Date): AppState {
  if (!owner) return "unowned";
  if (!isAway(owner, now)) return "owned";
  return responderOf(owner, backup, now) ? "owner_away" : "unreachable";
}
