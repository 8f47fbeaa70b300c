import { appState, isAway, responderOf, type PersonWithAvailability } from "./responder";

export type Person = { email: string; name: string };

export const personSelect = { id: true, email: true, name: true, awayFrom: true, awayUntil: true, active: true } as const;
// A person and where to reach them (notifications, Grafana contact points).
export const contactSelect = { ...personSelect, notifyEmail: true, notifyWebhook: true } as const;

export const appInclude = {
  team: { select: { id: true, slug: true, name: true } },
  ownership: { include: { owner: { select: personSelect }, backup: { select: personSelect } } },
} as const;

export type AppRow = {
  id: string;
  appId: string;
  name: string;
  description: string;
  teamId: string;
  createdAt: Date;
  updatedAt: Date;
  team: { id: string; slug: string; name: string };
  ownership: { since: Date; owner: PersonWithAvailability; backup: PersonWithAvailability | null } | null;
};

export const toPerson = (p: { email: string; name: string } | null | undefined): Person | null =>
  p ? { email: p.email, name: p.name } : null;

export function toAppSummary(row: AppRow, now: Date) {
  const owner = row.ownership?.owner ?? null;
  const backup = row.ownership?.backup ?? null;
  return {
    appId: row.appId,
    name: row.name,
    team: row.team.slug,
    teamName: row.team.name,
    owner: toPerson(owner),
    backup: toPerson(backup),
    responder: toPerson(responderOf(owner, backup, now)),
    ownerAway: owner ? isAway(owner, now) : false,
    state: appState(owner, backup, now),
  };
}

export function toAppDetail(row: AppRow, now: Date) {
  const owner = row.ownership?.owner ?? null;
  return {
    ...toAppSummary(row, now),
    description: row.description,
    ownerSince: row.ownership?.since.toISOString() ?? null,
    ownerAwayFrom: owner?.awayFrom?.toISOString() ?? null,
    ownerAwayUntil: owner?.awayUntil?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type AppSummary = ReturnType<typeof toAppSummary>;
export type AppDetail = ReturnType<typeof toAppDetail>;
