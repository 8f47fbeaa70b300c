import { db } from "@/lib/db/client";
import { makeApp, makeTeam, makeUser, tokenFor, uid, type TestUser } from "../support/world";

// Who may call each mutating API route: one row per "METHOD /api/path" of lib/http/route-table.ts.
// matrix.test.ts fails for a mutating route without a row here, naming it. To add a row:
//   "POST /api/things/[id]/frob": { allow: ["owner", "lead", "admin", "token:write"], request: async (w) => ({ path: `/api/things/${w.app.appId}/frob`, body: { … } }) },
// `allow` lists the actors that get past authorization (any answer but 401/403/404); every
// other actor must get 401, 403 or 404 and leave the database unchanged. `request` builds a
// request that would succeed for an allowed actor (a fresh world per cell, so it may change
// state). "public" rows (sign-in) are not part of the matrix.

export const ACTORS = ["anonymous", "engineer", "owner", "backup", "lead", "otherLead", "admin", "token:read", "token:write", "token:ingest"] as const;
export type ActorName = (typeof ACTORS)[number];

export type World = Awaited<ReturnType<typeof makeMatrixWorld>>;
export type Credentials = { cookie?: string; token?: string };
export type CellRequest = { path: string; body?: unknown };
export type AuthorizationRow = { allow: readonly ActorName[] | "public"; request: (w: World) => Promise<CellRequest> };

const SIGNED_IN: ActorName[] = ["engineer", "owner", "backup", "lead", "otherLead", "admin", "token:write"];
const APP_MANAGERS: ActorName[] = ["owner", "lead", "admin", "token:write"]; // owner's write token acts as the owner
const APP_EDITORS: ActorName[] = ["owner", "backup", "lead", "admin", "token:write"];

/** A team with an owned app (owner + backup), an engineer, its lead, another team's lead, an admin, and tokens. */
export async function makeMatrixWorld() {
  const team = await makeTeam();
  const other = await makeTeam();
  const [owner, backup, engineer, lead, otherLead, admin] = await Promise.all([
    makeUser({ teamId: team.id, name: "owner" }),
    makeUser({ teamId: team.id, name: "backup" }),
    makeUser({ teamId: team.id, name: "engineer" }),
    makeUser({ role: "lead", teamId: team.id }),
    makeUser({ role: "lead", teamId: other.id, name: "otherlead" }),
    makeUser({ role: "admin" }),
  ]);
  const app = await makeApp(team.id, owner.id, backup.id);
  const tokens = {
    read: await tokenFor(owner, { scopes: ["read"] }),
    write: await tokenFor(owner),
    ingest: await tokenFor(lead, { scopes: ["ingest"], team: team.slug }),
  };
  const users: Record<string, TestUser> = { engineer, owner, backup, lead, otherLead, admin };
  const credentials = (who: ActorName): Credentials => {
    if (who === "anonymous") return {};
    if (who.startsWith("token:")) return { token: tokens[who.slice(6) as keyof typeof tokens] };
    return { cookie: users[who]!.cookie };
  };
  return { team, other, app, owner, backup, engineer, lead, otherLead, admin, tokens, credentials };
}

/** An open critical crash finding of the world's app (acknowledged when asked). */
async function openFinding(w: World, acknowledged = false) {
  const at = new Date();
  return db().finding.create({
    data: {
      appRef: w.app.id, detector: "crash", severity: "critical", openKey: `${w.app.id}:crash`, startedAt: at, observed: 0, expected: 100, deviation: 1,
      windowFrom: at, windowTo: at, explanation: "matrix crash", pageState: "paged",
      ...(acknowledged ? { acknowledgedAt: at, acknowledgedById: w.owner.id } : {}),
    },
  });
}

const thresholds = { floorRps: 5, ceilingRps: 500, maxWeeklyDropPercent: null, for: "5m", severity: "warning", enabled: true };

export const AUTHORIZATION: Record<string, AuthorizationRow> = {
  "POST /api/apps": { allow: ["lead", "admin"], request: async (w) => ({ path: "/api/apps", body: { appId: `new-${uid()}`, name: "New app", team: w.team.slug } }) },
  "PUT /api/apps/[appId]/backup": { allow: APP_MANAGERS, request: async (w) => ({ path: `/api/apps/${w.app.appId}/backup`, body: { email: w.engineer.email } }) },
  "POST /api/apps/[appId]/claim": {
    allow: SIGNED_IN,
    request: async (w) => ({ path: `/api/apps/${(await makeApp(w.team.id)).appId}/claim` }), // an unowned app: anyone may claim it
  },
  "POST /api/apps/[appId]/confirm": { allow: ["owner", "token:write"], request: async (w) => ({ path: `/api/apps/${w.app.appId}/confirm` }) }, // the owner's write token acts as the owner
  "POST /api/apps/[appId]/release": { allow: APP_MANAGERS, request: async (w) => ({ path: `/api/apps/${w.app.appId}/release`, body: { reason: "matrix" } }) },
  "PUT /api/apps/[appId]/thresholds": { allow: APP_EDITORS, request: async (w) => ({ path: `/api/apps/${w.app.appId}/thresholds`, body: { ...thresholds, reason: "matrix" } }) },
  "POST /api/apps/[appId]/thresholds/dry-run": { allow: SIGNED_IN, request: async (w) => ({ path: `/api/apps/${w.app.appId}/thresholds/dry-run`, body: thresholds }) },
  "POST /api/apps/[appId]/thresholds/rollback": {
    allow: APP_EDITORS,
    request: async (w) => {
      await db().thresholdVersion.create({ data: { appRef: w.app.id, version: 1, floorRps: 1, forDuration: "5m", severity: "warning", enabled: true, reason: "first" } });
      await db().thresholdVersion.create({ data: { appRef: w.app.id, version: 2, floorRps: 2, forDuration: "5m", severity: "warning", enabled: true, reason: "second" } });
      return { path: `/api/apps/${w.app.appId}/thresholds/rollback`, body: { version: 1, reason: "matrix" } };
    },
  },
  "POST /api/apps/[appId]/transfer": { allow: APP_MANAGERS, request: async (w) => ({ path: `/api/apps/${w.app.appId}/transfer`, body: { toEmail: w.engineer.email, reason: "matrix" } }) },
  "POST /api/apps/[appId]/silences": {
    allow: APP_EDITORS,
    request: async (w) => ({ path: `/api/apps/${w.app.appId}/silences`, body: { until: new Date(Date.now() + 3_600_000).toISOString(), reason: "matrix" } }),
  },
  "DELETE /api/apps/[appId]/silences/[id]": {
    allow: APP_EDITORS,
    request: async (w) => {
      const s = await db().silence.create({ data: { appRef: w.app.id, from: new Date(), until: new Date(Date.now() + 3_600_000), reason: "matrix", pauseState: "active" } });
      return { path: `/api/apps/${w.app.appId}/silences/${s.id}` };
    },
  },
  "POST /api/ack/[token]": { allow: "public", request: async () => ({ path: "/api/ack/x.y" }) },
  "POST /api/findings/[id]/ack": { allow: APP_EDITORS, request: async (w) => ({ path: `/api/findings/${(await openFinding(w)).id}/ack` }) },
  "DELETE /api/findings/[id]/ack": { allow: APP_EDITORS, request: async (w) => ({ path: `/api/findings/${(await openFinding(w, true)).id}/ack`, body: { reason: "matrix" } }) },
  "POST /api/findings/[id]/resolve": { allow: APP_EDITORS, request: async (w) => ({ path: `/api/findings/${(await openFinding(w)).id}/resolve`, body: { reason: "matrix" } }) },
  "PUT /api/teams/[team]/escalation": { allow: ["lead", "admin"], request: async (w) => ({ path: `/api/teams/${w.team.slug}/escalation`, body: { steps: [{ after: "5m", notify: "lead" }], repeat: 1 } }) },
  "PUT /api/teams/[team]/stewardship": { allow: ["lead", "admin"], request: async (w) => ({ path: `/api/teams/${w.team.slug}/stewardship`, body: { confirmEveryDays: 30 } }) },
  "POST /api/auth/login": { allow: "public", request: async () => ({ path: "/api/auth/login" }) },
  "POST /api/auth/logout": { allow: "public", request: async () => ({ path: "/api/auth/logout" }) },
  "POST /api/detection/run": { allow: ["lead", "otherLead", "admin"], request: async (w) => ({ path: "/api/detection/run", body: { appId: w.app.appId } }) },
  "POST /api/grafana/reconcile": { allow: ["admin"], request: async () => ({ path: "/api/grafana/reconcile", body: {} }) },
  "POST /api/grafana/retry": { allow: ["admin"], request: async () => ({ path: "/api/grafana/retry" }) },
  "PATCH /api/me": { allow: SIGNED_IN, request: async () => ({ path: "/api/me", body: { name: "Matrix Person" } }) },
  "PUT /api/me/availability": { allow: SIGNED_IN, request: async () => ({ path: "/api/me/availability", body: { awayUntil: new Date(Date.now() + 86_400_000).toISOString() } }) },
  "DELETE /api/me/sessions": { allow: SIGNED_IN, request: async () => ({ path: "/api/me/sessions" }) },
  "DELETE /api/me/sessions/[id]": {
    allow: ["owner", "token:write"], // the owner's own session; anyone else's id is not found
    request: async (w) => {
      const s = await db().session.findFirstOrThrow({ where: { userId: w.owner.id } });
      return { path: `/api/me/sessions/${s.id}` };
    },
  },
  "POST /api/teams": { allow: ["admin"], request: async () => ({ path: "/api/teams", body: { slug: `t-${uid()}`, name: "Matrix team" } }) },
  "POST /api/tokens": { allow: SIGNED_IN, request: async () => ({ path: "/api/tokens", body: { name: "matrix" } }) },
  "DELETE /api/tokens/[id]": {
    allow: ["owner", "token:write"],
    request: async (w) => {
      const t = await db().apiToken.findFirstOrThrow({ where: { userId: w.owner.id, scopes: "read" } });
      return { path: `/api/tokens/${t.id}` };
    },
  },
  "POST /api/traffic": {
    allow: [...APP_EDITORS, "token:ingest"],
    request: async (w) => ({ path: "/api/traffic", body: { samples: [{ appId: w.app.appId, ts: Date.UTC(2026, 0, 1), value: 3 }] } }),
  },
  "POST /api/import": {
    // otherLead passes the route's role check; its rows for another team's app are refused with 422 (test/integration/import.test.ts)
    allow: ["lead", "otherLead", "admin"],
    request: async (w) => ({ path: "/api/import?dryRun=false", body: { content: `appId,owner\n${w.app.appId},${w.engineer.email}` } }),
  },
  "PATCH /api/users/[email]": { allow: ["lead", "admin"], request: async (w) => ({ path: `/api/users/${encodeURIComponent(w.engineer.email)}`, body: { name: "Matrix Person" } }) },
  "PATCH /api/teams/[team]": { allow: ["admin"], request: async (w) => ({ path: `/api/teams/${w.team.slug}`, body: { name: "Matrix team renamed" } }) },
  "POST /api/users": {
    allow: ["lead", "admin"], // leads: engineers of their own team (this request)
    request: async (w) => ({ path: "/api/users", body: { email: `new-${uid()}@test.example`, name: "New Person", role: "engineer", team: w.team.slug, password: "a-long-password-1" } }),
  },
};
