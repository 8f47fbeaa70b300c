// Shapes returned by the REST API (app/api/**). Kept in one place so every hook agrees.

export type Role = "engineer" | "lead" | "admin";

export interface Person {
  email: string;
  name: string;
}

export interface Me extends Person {
  role: Role;
  team: string | null;
  awayFrom: string | null;
  awayUntil: string | null;
  away: boolean;
  notifyEmail: string | null;
  notifyWebhook: string | null;
}

export interface AppSummary {
  appId: string;
  name: string;
  team: string;
  teamName: string;
  owner: Person | null;
  backup: Person | null;
  responder: Person | null;
  ownerAway: boolean;
}

export interface AppPermissions {
  canClaim: boolean;
  canRelease: boolean;
  canTransfer: boolean;
  canChangeBackup: boolean;
}

export interface AppDetail extends AppSummary {
  description: string;
  ownerSince: string | null;
  ownerAwayFrom: string | null;
  ownerAwayUntil: string | null;
  createdAt: string;
  updatedAt: string;
  permissions: AppPermissions;
}

export type AppFilter = "all" | "mine" | "unowned";

export interface AppsPage {
  items: AppSummary[];
  nextCursor: string | null;
}

export interface AuditEvent {
  id: string;
  action: string;
  actor: Person | null;
  /** Any JSON the server recorded; usually an object of the fields that changed. */
  before: unknown;
  after: unknown;
  reason: string | null;
  createdAt: string;
}

export interface Team {
  slug: string;
  name: string;
}

export interface UserListItem extends Person {
  team: string | null;
  role: Role;
}

export interface OverviewCounts {
  apps: number;
  owned: number;
  unowned: number;
  withBackup: number;
  ownerAway: number;
  unreachable: number;
}

export interface OverviewTeam extends OverviewCounts {
  slug: string;
  name: string;
}

export interface Overview {
  teams: OverviewTeam[];
  totals: OverviewCounts;
}

export type TokenScope = "read" | "write" | "ingest";

export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  /** an ingest token limited to this team's apps */
  team: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  id: string;
  token: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  team: string | null;
  createdAt: string;
}

export interface SignInSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string;
  address: string;
  current: boolean;
}
