import "server-only";
import { db } from "@/lib/db/client";
import { getGrafana, type GrafanaRuntime } from "@/lib/grafana/server";
import { appRuleUid } from "@/lib/grafana/uids";
import type { AppAlertInput } from "@/lib/grafana/types";
import { RUNNING_LEASE_MS } from "./backoff";
import { desiredResponders, toAlertInput } from "./desired";
import { armAvailabilityTransitions, loadRuleOwnerships, loadTeamApps, teamsOfApps } from "./load";
import { recordSyncOutcome } from "./metrics";
import {
  APP_KIND, groupBy, mapLimit, outcomeOf, splitTasks, taskError, toStepError,
  type ClaimedTask, type DrainResults, type StepError,
} from "./plan";
import { pushTeam, retryOnReset, syncRouting, validApps, type PushMode, type RoutingReport } from "./push";
import { META_LAST_SUCCESS, setMeta, writeSyncStates } from "./sync-state";
import { claimDueTasks, completeTasks, failTasks } from "./tasks";

export interface DrainOptions {
  now?: Date;
  /** Most tasks claimed per run (default 10,000: a whole outage's backlog in one go). */
  batchSize?: number;
  /** Default: `getGrafana()` from the environment; null = not configured. */
  grafana?: GrafanaRuntime | null;
  leaseMs?: number;
  /** Teams pushed in parallel (default 4). */
  concurrency?: number;
  /** "per-rule" only exists to benchmark against the batched path. */
  mode?: PushMode;
  random?: () => number;
}

export interface DrainReport {
  configured: boolean;
  claimed: number;
  /** Tasks deleted as done (a task re-armed during the push stays, so this can be < ok). */
  done: number;
  ok: number;
  retry: number;
  failed: number;
  teams: number;
  routing: RoutingReport | null;
  errors: string[];
}

const isDefined = <T>(v: T | null): v is T => v !== null;

/**
 * One pass of the Grafana outbox (intended every 15 s, see docs/grafana.md):
 * 1. claim due tasks (CAS to "running"; stale "running" tasks of a dead process included),
 * 2. per team of the claimed app tasks, read every app fresh and push folder + ONE group PUT,
 * 3. contact points → policy tree → delete unused contact points, for every current responder,
 * 4. delete the tasks that succeeded (unless re-armed meanwhile), back off the others,
 *    record GrafanaSyncState and Meta `grafana.lastSyncSuccess`.
 * Nothing is lost when Grafana is unset or down: the task rows stay until a push succeeds.
 */
export async function drainOutbox(opts: DrainOptions = {}): Promise<DrainReport> {
  const grafana = opts.grafana === undefined ? getGrafana() : opts.grafana;
  const report: DrainReport = { configured: grafana !== null, claimed: 0, done: 0, ok: 0, retry: 0, failed: 0, teams: 0, routing: null, errors: [] };
  if (!grafana) return report;
  const client = db();
  const now = opts.now ?? new Date();
  const { settings, client: grafanaClient } = grafana;

  await armAvailabilityTransitions(client, now);
  const tasks = await claimDueTasks(client, now, opts.batchSize ?? 10_000, opts.leaseMs ?? RUNNING_LEASE_MS);
  report.claimed = tasks.length;
  if (tasks.length === 0) return report;
  const { appIds, contactEmails } = splitTasks(tasks);

  // 1. rules: one group PUT per team, carrying every app of the team as it is now
  const found = await teamsOfApps(client, appIds);
  const appTeam = new Map(appIds.map((id) => [id, found.get(id)?.team ?? null]));
  const teams = [...new Set([...found.values()].map((v) => v.team))].sort();
  const byTeam = groupBy(await loadTeamApps(client, teams), (r) => r.team.slug);
  const teamErrors = new Map<string, StepError | null>();
  const appErrors = new Map<string, StepError | null>();
  await mapLimit(teams, opts.concurrency ?? 4, async (team) => {
    const inputs: AppAlertInput[] = (byTeam.get(team) ?? []).map((r) => toAlertInput(r, now)).filter(isDefined);
    const { ok, invalid } = validApps(inputs, settings);
    for (const [appId, error] of invalid) appErrors.set(appId, error);
    try {
      await retryOnReset(() => pushTeam(grafanaClient, team, ok, settings, opts.mode));
      teamErrors.set(team, null);
    } catch (err) {
      teamErrors.set(team, toStepError(err));
    }
  });
  report.teams = teams.length;

  // Apps deleted since their task was written: remove their rule (idempotent: 204 when absent).
  for (const appId of appIds.filter((id) => appTeam.get(id) === null)) {
    try {
      await retryOnReset(() => grafanaClient.deleteRule(appRuleUid(appId)));
      appErrors.set(appId, null);
    } catch (err) {
      appErrors.set(appId, toStepError(err));
    }
  }

  // 2. routing. When every team just failed retryably Grafana is down: don't wait on it again.
  let routing: StepError | null | undefined;
  const teamFailures = [...teamErrors.values()].filter(isDefined);
  if (teams.length > 0 && teamFailures.length === teams.length && teamFailures.every((e) => e.retryable)) {
    routing = teamFailures[0];
  } else {
    try {
      const people = desiredResponders(await loadRuleOwnerships(client), now);
      report.routing = await retryOnReset(() => syncRouting(grafanaClient, people, new Set(contactEmails)));
      routing = null;
    } catch (err) {
      routing = toStepError(err);
    }
  }

  // 3. settle every task
  const results: DrainResults = { appTeam, teams: teamErrors, apps: appErrors, routing };
  await settle(tasks, results, found, now, report, opts.random);
  return report;
}

async function settle(
  tasks: ClaimedTask[],
  results: DrainResults,
  found: Map<string, { team: string; appRef: string }>,
  now: Date,
  report: DrainReport,
  random?: () => number,
): Promise<void> {
  const client = db();
  const ok: ClaimedTask[] = [];
  const failures: { task: ClaimedTask; error: StepError }[] = [];
  for (const task of tasks) {
    const error = taskError(task, results);
    if (error) failures.push({ task, error });
    else ok.push(task);
  }
  report.done = await completeTasks(client, ok);
  await failTasks(client, failures, now, random);

  // GrafanaSyncState of the apps whose tasks ran (their team's other apps were pushed too,
  // but may have their own task pending; their own drain records them).
  const appRef = (t: ClaimedTask) => (t.kind === APP_KIND ? found.get(t.subject)?.appRef : undefined);
  const synced = ok.map(appRef).filter((r): r is string => r !== undefined);
  await writeSyncStates(client, synced, { state: "synced", lastError: null, syncedAt: now, driftDiff: null, driftAt: null });
  for (const [key, group] of groupBy(failures, (f) => `${f.error.retryable ? "pending" : "failed"}\u0000${f.error.message}`)) {
    const [state = "pending", lastError = ""] = key.split("\u0000");
    const refs = group.map((f) => appRef(f.task)).filter((r): r is string => r !== undefined);
    await writeSyncStates(client, refs, { state, lastError });
  }
  if (ok.length > 0) await setMeta(client, META_LAST_SUCCESS, new Date().toISOString());

  report.ok = ok.length;
  report.retry = failures.filter((f) => outcomeOf(f.error) === "retry").length;
  report.failed = failures.length - report.retry;
  report.errors = [...new Set(failures.map((f) => f.error.message))].slice(0, 20);
  recordSyncOutcome("ok", report.ok);
  recordSyncOutcome("retry", report.retry);
  recordSyncOutcome("failed", report.failed);
}
