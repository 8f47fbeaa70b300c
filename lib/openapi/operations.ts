import type { z } from "zod";
import { userChangedSchema, userCreatedSchema, userListSchema, teamAnswerSchema } from "@/lib/admin/view-schemas";
import { appSyncSchema, driftReportSchema, grafanaRetrySchema, grafanaStatusSchema } from "@/lib/grafana-sync/view-schemas";
import { importResultSchema } from "@/lib/import/view-schemas";
import { ackLinkAnswerSchema, escalationSchema, silenceAnswerSchema, silenceListSchema } from "@/lib/notify/view-schemas";
import {
  appAnswerSchema, appDetailAnswerSchema, appListSchema, auditListSchema, meAnswerSchema, overviewSchema, stewardshipSettingsAnswerSchema, teamListSchema,
} from "@/lib/ownership/view-schemas";
import { currentThresholdsSchema, dryRunAnswerSchema, thresholdHistorySchema, thresholdsSavedSchema } from "@/lib/thresholds/view-schemas";
import { sessionListSchema, sessionsEndedSchema, tokenCreatedSchema, tokenListSchema } from "@/lib/tokens/view-schemas";
import {
  ackAnswerSchema, detectionRunAnswerSchema, findingListSchema, myFindingsSchema, predictionSchema, resolveAnswerSchema, unackAnswerSchema,
} from "./responses/findings";
import { openApiDocumentSchema } from "./responses/openapi";
import { trafficAnswerSchema, trafficPushAnswerSchema } from "./responses/traffic";
import type { Method } from "@/lib/http/route-table";
import { loginSchema, profileUpdateSchema, tokenCreateSchema } from "@/lib/validation/account";
import { grafanaReconcileSchema, teamCreateSchema, teamRenameSchema, userCreateSchema, userListQuerySchema, userUpdateSchema } from "@/lib/validation/admin";
import { exportQuerySchema, importBodySchema, importQuerySchema } from "@/lib/validation/import";
import { escalationPolicySchema, findingReasonSchema, silenceCreateSchema } from "@/lib/validation/oncall";
import { appCreateSchema, appListQuerySchema, availabilitySchema, backupSchema, releaseSchema, transferSchema } from "@/lib/validation/ownership";
import { confirmSchema, stewardshipSettingsSchema } from "@/lib/validation/stewardship";
import { thresholdDryRunSchema, thresholdRollbackSchema, thresholdUpdateSchema } from "@/lib/validation/thresholds";
import { detectionRunSchema, findingsQuerySchema, trafficPushSchema, trafficQuerySchema } from "@/lib/validation/traffic";

// What each API operation takes, in the zod schemas the route handlers parse with — the
// OpenAPI document (lib/openapi/document.ts) is generated from these, never written by hand.
// Keyed "METHOD /api/path" as in lib/http/route-table.ts; a unit test fails for a missing one.

export type Operation = {
  summary: string;
  /** who may call it, in words */
  who: string;
  query?: z.ZodType;
  body?: z.ZodType;
  /** other request bodies than JSON (the import's raw files) */
  rawBodyTypes?: readonly string[];
  /** the success status (200 unless said) and what it carries */
  status?: number;
  answer?: string;
  /** the answer's content type when it is not JSON */
  produces?: string;
  /** no session or token needed */
  public?: boolean;
  /** the success answer's JSON, as a zod schema checked against the view builder's type */
  response?: z.ZodType;
  /** error statuses this operation answers besides the common ones */
  errors?: readonly number[];
};

const ANYONE = "anyone signed in";
const MANAGERS = "the owner, the team's lead, an admin";
const EDITORS = "the owner, the backup, the team's lead, an admin";

export const OPERATIONS: Record<`${Method} /api/${string}`, Operation> = {
  "POST /api/ack/[token]": { summary: "Acknowledge the findings a notification's signed link names", who: "the signed link (no session)", public: true, response: ackLinkAnswerSchema },
  "GET /api/apps": { summary: "List apps with their people", who: ANYONE, query: appListQuerySchema, answer: "{ items, nextCursor }", response: appListSchema },
  "POST /api/apps": { summary: "Register an app", who: "the lead of its team, an admin", body: appCreateSchema, status: 201, answer: "{ app }", response: appAnswerSchema },
  "GET /api/apps/[appId]": { summary: "An app with owner, backup, responder and my permissions", who: ANYONE, answer: "{ app }", response: appDetailAnswerSchema },
  "GET /api/apps/[appId]/audit": { summary: "The app's audit events, newest first", who: ANYONE, answer: "{ items }", response: auditListSchema },
  "PUT /api/apps/[appId]/backup": { summary: "Set or clear the backup", who: MANAGERS, body: backupSchema, answer: "{ app }", response: appAnswerSchema },
  "POST /api/apps/[appId]/confirm": { summary: "The owner confirms the app is still theirs", who: "the owner", body: confirmSchema, response: appDetailAnswerSchema },
  "POST /api/apps/[appId]/claim": { summary: "Become the owner of an unowned app", who: ANYONE, answer: "{ app }", response: appAnswerSchema },
  "GET /api/apps/[appId]/findings": { summary: "The app's findings, newest first", who: ANYONE, query: findingsQuerySchema, answer: "{ items }", response: findingListSchema },
  "GET /api/apps/[appId]/prediction": { summary: "The 99 % prediction interval of the latest sample and its calibration", who: ANYONE, response: predictionSchema },
  "POST /api/apps/[appId]/release": { summary: "Give up ownership", who: MANAGERS, body: releaseSchema, answer: "{ app }", response: appAnswerSchema },
  "GET /api/apps/[appId]/silences": { summary: "The app's silences", who: ANYONE, answer: "{ items }", response: silenceListSchema },
  "POST /api/apps/[appId]/silences": { summary: "Silence the app for a while", who: EDITORS, body: silenceCreateSchema, status: 201, answer: "{ silence }", response: silenceAnswerSchema },
  "DELETE /api/apps/[appId]/silences/[id]": { summary: "End a silence now", who: EDITORS, answer: "{ silence }", response: silenceAnswerSchema },
  "GET /api/apps/[appId]/sync": { summary: "Grafana sync state and drift of the app's rule", who: ANYONE, response: appSyncSchema },
  "GET /api/apps/[appId]/thresholds": { summary: "The current thresholds and whether I may edit them", who: ANYONE, response: currentThresholdsSchema },
  "PUT /api/apps/[appId]/thresholds": { summary: "Save new thresholds as the next version", who: EDITORS, body: thresholdUpdateSchema, response: thresholdsSavedSchema },
  "POST /api/apps/[appId]/thresholds/dry-run": { summary: "When these thresholds would have fired over the last 7 days", who: ANYONE, body: thresholdDryRunSchema, response: dryRunAnswerSchema },
  "GET /api/apps/[appId]/thresholds/history": { summary: "Every threshold version with its diff", who: ANYONE, answer: "{ items }", response: thresholdHistorySchema },
  "POST /api/apps/[appId]/thresholds/rollback": { summary: "Restore an earlier version as a new one", who: EDITORS, body: thresholdRollbackSchema, response: thresholdsSavedSchema },
  "GET /api/apps/[appId]/traffic": { summary: "The app's traffic for charts", who: ANYONE, query: trafficQuerySchema, answer: "{ from, to, step, points }", response: trafficAnswerSchema },
  "POST /api/apps/[appId]/transfer": { summary: "Hand the app to another person", who: MANAGERS, body: transferSchema, answer: "{ app }", response: appAnswerSchema },
  "POST /api/auth/login": { summary: "Sign in; sets the session cookie", who: "anyone with an account", body: loginSchema, public: true, answer: "{ user }", response: meAnswerSchema },
  "POST /api/auth/logout": { summary: "End this session and clear the cookie", who: "anyone", public: true, status: 204 },
  "POST /api/detection/run": { summary: "Run detection now for one app or all", who: "leads, admins", body: detectionRunSchema, response: detectionRunAnswerSchema },
  "GET /api/export/ownership": { summary: "Every app's team, owner and backup as CSV or a Backstage catalog", who: ANYONE, query: exportQuerySchema, produces: "text/csv" },
  "POST /api/findings/[id]/ack": { summary: "Acknowledge a finding", who: EDITORS, answer: "{ acknowledgedBy, acknowledgedAt }", response: ackAnswerSchema },
  "DELETE /api/findings/[id]/ack": { summary: "Take an acknowledgement back", who: EDITORS, body: findingReasonSchema, answer: "{ findingId }", response: unackAnswerSchema },
  "POST /api/findings/[id]/resolve": { summary: "Resolve an open finding by hand", who: EDITORS, body: findingReasonSchema, response: resolveAnswerSchema },
  "POST /api/grafana/reconcile": { summary: "Compare Grafana's rules with the portal's (repair: fix them)", who: "admins", body: grafanaReconcileSchema, response: driftReportSchema },
  "POST /api/grafana/retry": { summary: "Re-arm every failed Grafana sync task", who: "admins", response: grafanaRetrySchema },
  "GET /api/grafana/status": { summary: "Outbox tasks, drift and the last successful sync", who: "admins", response: grafanaStatusSchema },
  "POST /api/import": {
    summary: "Import ownership from CSV or a Backstage catalog: a dry run answers { changes, errors }; applying is all-or-nothing (any error: 422)",
    who: "admins; leads for their team's apps",
    query: importQuerySchema,
    body: importBodySchema,
    rawBodyTypes: ["text/csv", "application/yaml", "text/plain"],
    answer: "{ dryRun, format, changes, errors, ignored, applied }",
    response: importResultSchema,
  },
  "GET /api/me": { summary: "The signed-in person", who: ANYONE, answer: "{ user }", response: meAnswerSchema },
  "PATCH /api/me": { summary: "Change my name and notification contact", who: ANYONE, body: profileUpdateSchema, answer: "{ user }", response: meAnswerSchema },
  "PUT /api/me/availability": { summary: "Mark myself away or back", who: ANYONE, body: availabilitySchema, answer: "{ user }", response: meAnswerSchema },
  "GET /api/me/findings": { summary: "Open findings of the apps I own or back up", who: ANYONE, answer: "{ items }", response: myFindingsSchema },
  "GET /api/me/sessions": { summary: "Where I am signed in", who: ANYONE, answer: "{ items }", response: sessionListSchema },
  "DELETE /api/me/sessions": { summary: "Sign out everywhere", who: ANYONE, answer: "{ ended }", response: sessionsEndedSchema },
  "DELETE /api/me/sessions/[id]": { summary: "Sign out one of my sessions", who: ANYONE, status: 204 },
  "GET /api/metrics": { summary: "Prometheus exposition (Bearer METRICS_TOKEN when set)", who: "Prometheus", public: true, produces: "text/plain" },
  "GET /api/openapi.json": { summary: "This document", who: ANYONE, response: openApiDocumentSchema },
  "GET /api/overview": { summary: "Per team: apps, owned, unowned, with backup, owner away, unreachable", who: ANYONE, response: overviewSchema },
  "GET /api/prometheus/rules": { summary: "Every enabled app's thresholds as a Prometheus rules file", who: ANYONE, produces: "application/yaml" },
  "GET /api/teams": { summary: "All teams", who: ANYONE, answer: "{ items: [{ slug, name }] }", response: teamListSchema },
  "POST /api/teams": { summary: "Create a team", who: "admins", body: teamCreateSchema, status: 201, answer: "{ team }", response: teamAnswerSchema },
  "PATCH /api/teams/[team]": { summary: "Rename a team (the slug stays)", who: "admins", body: teamRenameSchema, answer: "{ team }", response: teamAnswerSchema },
  "GET /api/teams/[team]/escalation": { summary: "The team's escalation policy", who: ANYONE, response: escalationSchema },
  "PUT /api/teams/[team]/escalation": { summary: "Replace the team's escalation policy", who: "the team's lead, admins", body: escalationPolicySchema, response: escalationSchema },
  "GET /api/teams/[team]/stewardship": { summary: "How often the team's owners confirm their apps", who: "the team's lead, admins", response: stewardshipSettingsAnswerSchema },
  "PUT /api/teams/[team]/stewardship": { summary: "Set how often the team's owners confirm their apps", who: "the team's lead, admins", body: stewardshipSettingsSchema, response: stewardshipSettingsAnswerSchema },
  "GET /api/tokens": { summary: "My active API tokens (never the token itself)", who: ANYONE, answer: "{ items }", response: tokenListSchema },
  "POST /api/tokens": { summary: "Create an API token (shown only in this answer)", who: ANYONE, body: tokenCreateSchema, status: 201, response: tokenCreatedSchema },
  "DELETE /api/tokens/[id]": { summary: "Revoke one of my tokens", who: ANYONE, status: 204 },
  "POST /api/traffic": { summary: "Push traffic samples", who: "for an app: its owner, backup, lead, admins; ingest tokens", body: trafficPushSchema, status: 202, response: trafficPushAnswerSchema },
  "GET /api/users": { summary: "People: view=directory (active people to pick) or view=manage (admins: everyone; leads: their team)", who: ANYONE, query: userListQuerySchema, answer: "{ items }", response: userListSchema },
  "POST /api/users": { summary: "Add a person", who: "admins; leads: engineers of their own team", body: userCreateSchema, status: 201, answer: "{ user }", response: userCreatedSchema },
  "PATCH /api/users/[email]": {
    summary: "Change a person's name, role, team or active (active: false ends their sessions and tokens; the backups answer for their apps)",
    who: "admins; leads: engineers of their own team",
    body: userUpdateSchema,
    answer: "{ user }",
    response: userChangedSchema,
  },
};
