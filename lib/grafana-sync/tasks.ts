import "server-only";
import type { Db } from "@/lib/db/client";
import { APP_KIND, CONTACT_KIND, chunks, claimStamp, failureUpdate, type ClaimedTask, type StepError } from "./plan";

// Outbox rows of the Grafana worker: claim, complete, fail. Every write is a compare-and-swap
// on (id, status, updatedAt), so two replicas never both own a task and a change that re-armed
// a task during a push is never deleted with it.

const KINDS = [APP_KIND, CONTACT_KIND];
const taskSelect = { id: true, kind: true, subject: true, status: true, attempts: true, nextAttemptAt: true, updatedAt: true } as const;
const TX = { timeout: 60_000, maxWait: 30_000 } as const;

/**
 * Claims up to `batchSize` due tasks (oldest first) by moving each to "running" with a fresh stamp.
 * Due: pending/failed tasks at nextAttemptAt; a "running" task only once its claim is older than
 * the lease (the process that claimed it died), so a live drain is never doubled.
 */
export async function claimDueTasks(client: Db, now: Date, batchSize: number, leaseMs: number): Promise<ClaimedTask[]> {
  const candidates = await client.outboxTask.findMany({
    where: {
      kind: { in: KINDS },
      OR: [
        { status: { in: ["pending", "failed"] }, nextAttemptAt: { lte: now } },
        { status: "running", updatedAt: { lt: new Date(now.getTime() - leaseMs) } },
      ],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: batchSize,
    select: taskSelect,
  });
  const claimed: ClaimedTask[] = [];
  // One transaction per slice: the same CAS per row, but one commit (SQLite fsyncs per commit).
  for (const slice of chunks(candidates, 500)) {
    await client.$transaction(async (tx) => {
      for (const t of slice) {
        const claimedAt = claimStamp(t, now);
        const r = await tx.outboxTask.updateMany({
          where: { id: t.id, status: t.status, updatedAt: t.updatedAt },
          data: { status: "running", updatedAt: claimedAt },
        });
        if (r.count === 1) claimed.push({ ...t, claimedAt });
      }
    }, TX);
  }
  return claimed;
}

/** Deletes the tasks this drain still owns; a task re-armed meanwhile stays pending. */
export async function completeTasks(client: Db, tasks: readonly ClaimedTask[]): Promise<number> {
  let done = 0;
  const byStamp = new Map<number, string[]>();
  for (const t of tasks) byStamp.set(t.claimedAt.getTime(), [...(byStamp.get(t.claimedAt.getTime()) ?? []), t.id]);
  for (const [stamp, ids] of byStamp) {
    for (const slice of chunks(ids, 400)) {
      const r = await client.outboxTask.deleteMany({ where: { id: { in: slice }, status: "running", updatedAt: new Date(stamp) } });
      done += r.count;
    }
  }
  return done;
}

/** Records a failure on each task this drain still owns (backoff or failed, see plan.ts). */
export async function failTasks(client: Db, failures: readonly { task: ClaimedTask; error: StepError }[], now: Date, random?: () => number): Promise<void> {
  for (const slice of chunks(failures, 500)) {
    await client.$transaction(async (tx) => {
      for (const { task, error } of slice) {
        await tx.outboxTask.updateMany({
          where: { id: task.id, status: "running", updatedAt: task.claimedAt },
          data: failureUpdate(task, error, now, random),
        });
      }
    }, TX);
  }
}

/** POST /api/grafana/retry: failed tasks become due now, with a fresh attempt count. */
export async function rearmFailedTasks(client: Db, now = new Date()): Promise<number> {
  const r = await client.outboxTask.updateMany({
    where: { kind: { in: KINDS }, status: "failed" },
    data: { status: "pending", attempts: 0, nextAttemptAt: now },
  });
  return r.count;
}
