import "server-only";
import type { Db } from "@/lib/db/client";
import { chunks } from "./plan";

// GrafanaSyncState rows (one per app, keyed by App.id) and the Meta facts of the worker.

export const META_LAST_SUCCESS = "grafana.lastSyncSuccess";
export const META_AVAILABILITY_CHECKED = "grafana.availabilityCheckedAt";

type StateData = { state: string; lastError: string | null; syncedAt?: Date; driftDiff?: null; driftAt?: null };

/** Writes the same state to many apps: update the rows that exist, create the rest. */
export async function writeSyncStates(client: Db, appRefs: readonly string[], data: StateData): Promise<void> {
  for (const slice of chunks([...new Set(appRefs)], 400)) {
    const existing = await client.grafanaSyncState.findMany({ where: { appRef: { in: slice } }, select: { appRef: true } });
    const have = new Set(existing.map((e) => e.appRef));
    if (have.size > 0) await client.grafanaSyncState.updateMany({ where: { appRef: { in: [...have] } }, data });
    const missing = slice.filter((ref) => !have.has(ref));
    if (missing.length === 0) continue;
    try {
      await client.grafanaSyncState.createMany({ data: missing.map((appRef) => ({ appRef, ...data })) });
    } catch {
      // Another replica created some of them in between: fall back to row-by-row upserts.
      for (const appRef of missing) {
        await client.grafanaSyncState.upsert({ where: { appRef }, create: { appRef, ...data }, update: data });
      }
    }
  }
}

export async function setMeta(client: Db, key: string, value: string): Promise<void> {
  await client.meta.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function getMeta(client: Db, key: string): Promise<string | null> {
  return (await client.meta.findUnique({ where: { key } }))?.value ?? null;
}
