import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { describes } from "@/lib/openapi/describes";
import type { appView } from "./app-view";
import type { appAudit } from "./app-audit";
import type { appViewWithStewardship } from "./confirm";
import type { StewardshipSettingsView } from "./confirm";
import type { listTeams } from "./directory";
import type { listApps } from "./list-apps";
import type { getMe } from "./me";
import type { teamOverview } from "./overview";
import { REASON_CODES, SCORE_LEVELS } from "./stewardship";

// The answers of the ownership routes as zod schemas, each checked against the type its view
// builder returns (lib/openapi/describes.ts): GET /api/openapi.json publishes them, and the
// integration tests validate every answer against that document.

type Async<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const iso = z.string();
export const personSchema = z.object({ email: z.string(), name: z.string() });
const scoreLevel = z.enum(SCORE_LEVELS as readonly ["none", "bronze", "silver", "gold"]);
const reasonCode = z.enum(REASON_CODES);
const syncState = z.enum(["synced", "pending", "failed", "not_configured"]);
const worstFinding = z.object({ severity: z.string(), detector: z.string(), startedAt: iso, count: z.number() }).nullable();

const summaryShape = {
  appId: z.string(),
  name: z.string(),
  team: z.string(),
  teamName: z.string(),
  owner: personSchema.nullable(),
  backup: personSchema.nullable(),
  responder: personSchema.nullable(),
  ownerAway: z.boolean(),
  state: z.enum(["unowned", "owned", "owner_away", "unreachable"]),
};

/** GET /api/apps */
export const appListSchema = describes<Async<typeof listApps>>()(
  z.object({
    items: z.array(
      z.object({
        ...summaryShape,
        worstFinding, sync: syncState, stale: z.boolean(), reasons: z.array(reasonCode), level: scoreLevel, recentRps: z.number().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
);

const appShape = {
  ...summaryShape,
  description: z.string(),
  ownerSince: iso.nullable(),
  ownerAwayFrom: iso.nullable(),
  ownerAwayUntil: iso.nullable(),
  createdAt: iso,
  updatedAt: iso,
  permissions: z.object({ canClaim: z.boolean(), canRelease: z.boolean(), canTransfer: z.boolean(), canChangeBackup: z.boolean() }),
};

/** { app } of claim, release, transfer, backup and POST /api/apps */
export const appAnswerSchema = z.object({ app: describes<ReturnType<typeof appView>>()(z.object(appShape)) });

/** { app } of GET /api/apps/{appId} and the confirm */
export const appDetailAnswerSchema = z.object({
  app: describes<Async<typeof appViewWithStewardship>>()(
    z.object({
      ...appShape,
      stewardship: z.object({
        confirmedAt: iso.nullable(),
        confirmDueAt: iso.nullable(),
        stale: z.boolean(),
        reasons: z.array(z.object({ code: reasonCode, text: z.string() })),
      }),
      scorecard: z.object({ level: scoreLevel, missing: z.array(z.string()) }),
      worstFinding,
      sync: syncState,
      canConfirm: z.boolean(),
    }),
  ),
});

export const auditListSchema = z.object({
  items: describes<Async<typeof appAudit>>()(
    z.array(z.object({ id: z.string(), action: z.string(), actor: personSchema.nullable(), before: z.unknown(), after: z.unknown(), reason: z.string().nullable(), createdAt: iso })),
  ),
});

export const teamSchema = z.object({ slug: z.string(), name: z.string() });
export const teamListSchema = z.object({ items: describes<Async<typeof listTeams>>()(z.array(teamSchema)) });

export const stewardshipSettingsAnswerSchema = describes<StewardshipSettingsView>()(
  z.object({ team: z.string(), confirmEveryDays: z.number().int(), isDefault: z.boolean(), canEdit: z.boolean() }),
);

/** { user } of GET/PATCH /api/me, PUT /api/me/availability and the sign-in */
export const meAnswerSchema = z.object({
  user: describes<Omit<Async<typeof getMe>, "role"> & { role: (typeof ROLES)[number] }>()(
    z.object({
      email: z.string(), name: z.string(), role: z.enum(ROLES), team: z.string().nullable(),
      awayFrom: iso.nullable(), awayUntil: iso.nullable(), away: z.boolean(),
      notifyEmail: z.string().nullable(), notifyWebhook: z.string().nullable(),
    }),
  ),
});

const counts = { apps: z.number(), owned: z.number(), unowned: z.number(), withBackup: z.number(), ownerAway: z.number(), unreachable: z.number() };
const riskCounts = {
  apps: z.number(), alerting: z.number(), alertingUnreachable: z.number(), unowned: z.number(), noThresholds: z.number(), stale: z.number(),
  scorecard: z.object({ none: z.number(), bronze: z.number(), silver: z.number(), gold: z.number() }),
  mttaMs: z.number().nullable(), acknowledged: z.number(),
  unownedByTraffic: z.array(z.object({ appId: z.string(), name: z.string(), team: z.string(), recentRps: z.number().nullable() })),
  coverage: z.array(z.object({ day: z.string(), apps: z.number(), owned: z.number(), withBackup: z.number(), reachable: z.number() })),
};

/** GET /api/overview */
export const overviewSchema = describes<Async<typeof teamOverview>>()(
  z.object({
    teams: z.array(z.object({ slug: z.string(), name: z.string(), ...counts })),
    totals: z.object(counts),
    risk: z.object({
      teams: z.array(z.object({ slug: z.string(), name: z.string(), confirmEveryDays: z.number(), ...riskCounts })),
      totals: z.object(riskCounts),
      people: z.array(z.object({ email: z.string(), name: z.string(), owns: z.array(z.string()), backs: z.array(z.string()), answersNow: z.number() })),
      windows: z.object({ mttaDays: z.number(), coverageDays: z.number() }),
    }),
  }),
);
