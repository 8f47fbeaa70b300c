import type { Actor } from "@/lib/auth/actor";
import { canEditThresholds } from "@/lib/thresholds/permissions";
import type { MayPush } from "./ingest";

// Traffic decides when someone is paged, so it is written by whoever may tune that: a session
// or a read/write token for apps its person edits (owner, backup, the team's lead, admins);
// an ingest token for every app, or for its one team's apps.
export function pushAccess(actor: Actor): MayPush {
  const ingestOnly = actor.via === "token" && !actor.scopes.includes("write");
  if (ingestOnly) return (app) => actor.tokenTeamId === null || app.teamId === actor.tokenTeamId;
  return (app) => canEditThresholds(actor, app);
}
