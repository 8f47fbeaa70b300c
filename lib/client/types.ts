// Shapes returned by the REST API (app/api/**). Kept in one place so every hook agrees.

// Derived from the server's own views wherever one exists (type-only imports: nothing of the
// server reaches the browser bundle), so a field added on the server is here at once.
import type { Role } from "@/lib/auth/roles";
import type { Scope } from "@/lib/auth/scopes";
import type { appView } from "@/lib/ownership/app-view";
import type { getMe } from "@/lib/ownership/me";
import type { AppSummary as AppSummaryView, Person as PersonView } from "@/lib/ownership/views";

export type { Role };
export type Person = PersonView;
/** GET /api/me (the stored role is a string in SQLite; it is always one of the roles). */
export type Me = Omit<Awaited<ReturnType<typeof getMe>>, "role"> & { role: Role };
/** One row of GET /api/apps. */
export type AppSummary = AppSummaryView;
/** GET /api/apps/{appId}: the app with what the current user may do to it. */
export type AppDetail = ReturnType<typeof appView>;
export type AppPermissions = AppDetail["permissions"];

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

export type TokenScope = Scope;

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
