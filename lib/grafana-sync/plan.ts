import { backoffDelayMs } from "@/lib/retry/backoff";
import { FAILED_RETRY_MS, GRAFANA_RETRY } from "./backoff";
import type { SyncOutcome } from "./types";

// Pure decisions of the sync worker: which task may be claimed, how tasks group into Grafana
// calls, and what a failure does to a task. No Prisma, no HTTP: unit-tested on their own.

export const APP_KIND = "grafana.app";
export const CONTACT_KIND = "grafana.contact";

export interface TaskRow {
  id: string;
  kind: string;
  subject: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  updatedAt: Date;
}

/** A task this drain owns: the row is "running" with `updatedAt === claimedAt`. */
export interface ClaimedTask extends TaskRow {
  claimedAt: Date;
}

/**
 * The claim stamp written to updatedAt. Always later than the row's current updatedAt, so
 * "the row still has my stamp" proves nobody re-armed or re-claimed it since.
 */
export function claimStamp(t: Pick<TaskRow, "updatedAt">, now: Date): Date {
  return new Date(Math.max(now.getTime(), t.updatedAt.getTime() + 1));
}

export function splitTasks(tasks: readonly TaskRow[]): { appIds: string[]; contactEmails: string[]; unknown: TaskRow[] } {
  const appIds = new Set<string>();
  const contactEmails = new Set<string>();
  const unknown: TaskRow[] = [];
  for (const t of tasks) {
    if (t.kind === APP_KIND) appIds.add(t.subject);
    else if (t.kind === CONTACT_KIND) contactEmails.add(t.subject.trim().toLowerCase());
    else unknown.push(t);
  }
  return { appIds: [...appIds], contactEmails: [...contactEmails], unknown };
}

/** Items grouped by key, keys sorted: one Grafana rule-group PUT per team. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** What a finished step means for one task: null = done, otherwise the error. */
export interface StepError {
  message: string;
  retryable: boolean;
}

export function toStepError(err: unknown): StepError {
  const message = err instanceof Error ? err.message : String(err);
  const retryable = typeof err === "object" && err !== null && "retryable" in err ? Boolean((err as { retryable: unknown }).retryable) : true;
  return { message: message.slice(0, 2000), retryable };
}

export interface DrainResults {
  /** appId → team slug, or null when the app no longer exists. */
  appTeam: ReadonlyMap<string, string | null>;
  /** team → error of its folder/rule-group push (absent or null = ok). */
  teams: ReadonlyMap<string, StepError | null>;
  /** appId → error specific to the app (its rule failed validation, or the orphan delete failed). */
  apps: ReadonlyMap<string, StepError | null>;
  /** Contact points + policy tree; null = ok, undefined = not run. */
  routing: StepError | null | undefined;
}

/**
 * The error (or null) for one task. An app task is done only when its team's group *and* the
 * routing step succeeded: a new responder label without its route would page nobody new.
 */
export function taskError(t: TaskRow, r: DrainResults): StepError | null {
  if (t.kind === CONTACT_KIND) return r.routing ?? null;
  if (t.kind !== APP_KIND) return { message: `unknown outbox task kind ${t.kind}`, retryable: false };
  const own = r.apps.get(t.subject);
  if (own) return own;
  const team = r.appTeam.get(t.subject);
  const teamError = team ? (r.teams.get(team) ?? null) : null;
  return teamError ?? r.routing ?? null;
}

export interface TaskUpdate {
  status: "pending" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string;
}

/** Retryable → pending with backoff; otherwise failed, retried hourly or on request. */
export function failureUpdate(t: Pick<TaskRow, "attempts">, error: StepError, now: Date, random: () => number = Math.random): TaskUpdate {
  const attempts = t.attempts + 1;
  const delay = error.retryable ? backoffDelayMs(GRAFANA_RETRY, attempts, random) : FAILED_RETRY_MS;
  return { status: error.retryable ? "pending" : "failed", attempts, nextAttemptAt: new Date(now.getTime() + delay), lastError: error.message };
}

export const outcomeOf = (error: StepError | null): SyncOutcome => (error === null ? "ok" : error.retryable ? "retry" : "failed");

/** `items` in slices of `size` (IN lists and transactions stay bounded). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` over items with at most `limit` in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
