import { buildAppRule, type RuleSettings } from "@/lib/grafana/build-app-rule";
import { buildTeamFolder, buildTeamRuleGroup, type GroupSettings } from "@/lib/grafana/build-team";
import { buildDetectionRule } from "@/lib/grafana/build-detection-rule";
import type { GrafanaClient } from "@/lib/grafana/client";
import { GrafanaError } from "@/lib/grafana/errors";
import { contactPointSchema, alertRuleSchema } from "@/lib/grafana/schemas";
import { RULE_GROUP_TITLE } from "@/lib/grafana/names";
import { buildContactPoint } from "@/lib/grafana/contact-points";
import { mergePolicyTree } from "@/lib/grafana/policy-merge";
import type { AppAlertInput, EmbeddedContactPoint, PersonContact, Route } from "@/lib/grafana/types";
import { folderUid } from "@/lib/grafana/uids";
import { toStepError, type StepError } from "./plan";
import { describeIssues } from "@/lib/validation/field-errors";

// The Grafana calls of one drain. No database here: inputs are plain desired state.

export type PushMode = "batched" | "per-rule";

/**
 * Runs `step` again at once when it failed on the connection itself ("network": reset, refused).
 * A keep-alive socket that the server closed while we were idle fails the first request after a
 * pause; every step here is idempotent, so one immediate retry beats a backoff cycle.
 */
export async function retryOnReset<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof GrafanaError && err.code === "network") return step();
    throw err;
  }
}

/** Apps whose rule fails the client's own checks are left out of the group and reported alone. */
export function validApps(apps: readonly AppAlertInput[], s: RuleSettings): { ok: AppAlertInput[]; invalid: Map<string, StepError> } {
  const ok: AppAlertInput[] = [];
  const invalid = new Map<string, StepError>();
  for (const app of apps) {
    const r = alertRuleSchema.safeParse(buildAppRule(app, s));
    if (r.success) ok.push(app);
    else invalid.set(app.appId, { message: `invalid rule: ${describeIssues(r.error.issues, { root: "rule" })}`, retryable: false });
  }
  return { ok, invalid };
}

/**
 * One team: folder first (GET, POST when absent), then ONE rule-group PUT carrying every rule
 * of the team (it replaces the group). A team with no thresholded app loses its group.
 * "per-rule" (benchmark only) upserts each rule separately: GET + PUT/POST per rule.
 */
export async function pushTeam(client: GrafanaClient, team: string, apps: readonly AppAlertInput[], s: GroupSettings, mode: PushMode = "batched"): Promise<void> {
  if (apps.length === 0) {
    await client.deleteRuleGroup(folderUid(team), RULE_GROUP_TITLE);
    return;
  }
  await client.ensureFolder(buildTeamFolder(team));
  if (mode === "batched") {
    await client.putRuleGroup(buildTeamRuleGroup(team, apps, s));
    return;
  }
  for (const rule of [...apps.map((a) => buildAppRule(a, s)), buildDetectionRule(team, s)]) {
    await client.upsertRule({ ...rule, uid: rule.uid ?? "" });
  }
}

const SECRET = "[REDACTED]";

/** Whether Grafana's copy differs from ours (secret settings come back redacted: not comparable). */
export function contactPointDiffers(live: EmbeddedContactPoint, want: EmbeddedContactPoint): boolean {
  if (live.name !== want.name || live.type !== want.type) return true;
  if (Boolean(live.disableResolveMessage) !== Boolean(want.disableResolveMessage)) return true;
  const keys = new Set([...Object.keys(live.settings ?? {}), ...Object.keys(want.settings)]);
  for (const k of keys) {
    const l = live.settings?.[k];
    if (l === SECRET) continue;
    if (JSON.stringify(l) !== JSON.stringify(want.settings[k])) return true;
  }
  return false;
}

const PERSON_UID_PREFIX = "op-person-";
const withoutProvenance = ({ provenance: _p, ...rest }: Route): Route => rest;

export interface RoutingReport {
  created: number;
  updated: number;
  deleted: number;
  policyChanged: boolean;
  /** Contact points still referenced elsewhere (409): left for the next run, not an error. */
  keptInUse: number;
}

/**
 * Contact points and routes for exactly `people`, in the order Grafana needs (docs/grafana.md):
 * 1. upsert contact points (a route to a missing receiver is a 400),
 * 2. GET the policy tree → mergePolicyTree → PUT (only when it changed),
 * 3. delete portal contact points nobody uses any more (deleting earlier would be a 409).
 * `force` holds emails whose contact point is rewritten even when it looks the same (their
 * settings changed, and secrets cannot be compared).
 */
export async function syncRouting(client: GrafanaClient, people: readonly PersonContact[], force: ReadonlySet<string> = new Set()): Promise<RoutingReport> {
  const report: RoutingReport = { created: 0, updated: 0, deleted: 0, policyChanged: false, keptInUse: 0 };
  const live = new Map((await client.listContactPoints()).map((cp) => [cp.uid ?? "", cp]));
  const wanted = new Set<string>();
  for (const person of people) {
    const cp = buildContactPoint(person) as EmbeddedContactPoint & { uid: string };
    contactPointSchema.parse(cp);
    wanted.add(cp.uid);
    const existing = live.get(cp.uid);
    if (!existing) {
      await client.createContactPoint(cp);
      report.created++;
    } else if (force.has(person.email) || contactPointDiffers(existing, cp)) {
      await client.updateContactPoint(cp);
      report.updated++;
    }
  }

  const tree = withoutProvenance(await client.getPolicies());
  const merged = withoutProvenance(mergePolicyTree(tree, people.map((p) => ({ email: p.email }))));
  if (JSON.stringify(merged) !== JSON.stringify(tree)) {
    await client.putPolicies(merged);
    report.policyChanged = true;
  }

  for (const uid of live.keys()) {
    if (!uid.startsWith(PERSON_UID_PREFIX) || wanted.has(uid)) continue;
    try {
      await client.deleteContactPoint(uid);
      report.deleted++;
    } catch (err) {
      if (toStepError(err).retryable) throw err;
      report.keptInUse++; // e.g. someone pointed their own route at it: not ours to break
    }
  }
  return report;
}
