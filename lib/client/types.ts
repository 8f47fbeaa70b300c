// Shapes returned by the REST API (app/api/**). Kept in one place so every hook agrees.

// Derived from the server's own views wherever one exists (type-only imports: nothing of the
// server reaches the browser bundle), so a field added on the server is here at once.
import type { Role } from "@/lib/auth/roles";
import type { Scope } from "@/lib/auth/scopes";
import type { appView } from "@/lib/ownership/app-view";
import type { getMe } from "@/lib/ownership/me";
import type { teamOverview } from "@/lib/ownership/overview";
import type { AppSummary as AppSummaryView, Person as PersonView } from "@/lib/ownership/views";
import type { appViewWithStewardship } from "@/lib/ownership/confirm";
import type { ReasonCode, ScoreLevel, Scorecard as ScorecardView, Stewardship as StewardshipView } from "@/lib/ownership/stewardship";
import type { SyncStateName, WorstFinding } from "@/lib/ownership/stewardship-load";

export type { Role };
export type Person = PersonView;
/** GET /api/me (the stored role is a string in SQLite; it is always one of the roles). */
export type Me = Omit<Awaited<ReturnType<typeof getMe>>, "role"> & { role: Role };

export type { ScoreLevel, SyncStateName, WorstFinding };
export type StewardshipReasonCode = ReasonCode;
export type Stewardship = StewardshipView;
export type Scorecard = ScorecardView;

/** Health on list rows (GET /api/apps); absent in optimistic updates. */
export type AppHealth = {
  worstFinding?: WorstFinding | null;
  sync?: SyncStateName;
  stale?: boolean;
  reasons?: ReasonCode[];
  level?: ScoreLevel;
  recentRps?: number | null;
};
/** One row of GET /api/apps. */
export type AppSummary = AppSummaryView & AppHealth;
/**
 * GET /api/apps/{appId}: the app with what the current user may do to it; GET and the confirm
 * answer add its stewardship, scorecard, worst finding and sync state (other mutations do not).
 */
export type AppDetail = ReturnType<typeof appView> & AppHealth & Partial<Pick<Awaited<ReturnType<typeof appViewWithStewardship>>, "stewardship" | "scorecard" | "canConfirm">>;
export type AppPermissions = AppDetail["permissions"];

export type AppFilter = "all" | "mine" | "unowned" | "stale" | "no_thresholds" | "alerting" | "alerting_unreachable" | "not_confirmed";
export type AppSort = "appId" | "finding" | "sync" | "traffic";

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

/** GET /api/overview and the team overview page (lib/ownership/overview). */
export type Overview = Awaited<ReturnType<typeof teamOverview>>;
export type OverviewCounts = Overview["totals"];
export type OverviewTeam = Overview["teams"][number];
export type RiskTeam = Overview["risk"]["teams"][number];
export type RiskCounts = Overview["risk"]["totals"];
export type CoveragePoint = RiskCounts["coverage"][number];
export type PersonLoad = Overview["risk"]["people"][number];

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
