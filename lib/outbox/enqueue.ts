import type { Tx } from "@/lib/db/types";

export type OutboxKind = "grafana.app" | "grafana.contact";

// Written inside the caller's transaction, so a change and its sync task commit together.
// (kind, subject) is unique: a second change before the worker runs only re-arms the task.
export async function enqueue(tx: Tx, kind: OutboxKind, subjects: Iterable<string>): Promise<void> {
  const now = new Date();
  for (const subject of new Set(subjects)) {
    await tx.outboxTask.upsert({
      where: { kind_subject: { kind, subject } },
      create: { kind, subject, nextAttemptAt: now },
      update: { status: "pending", attempts: 0, nextAttemptAt: now, lastError: null },
    });
  }
}
