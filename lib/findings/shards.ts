import "server-only";
import { db } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";
import { providerOf } from "@/lib/db/migrate";
import { env } from "@/lib/env";

// A scheduled detection tick is split into shards of apps (DETECTION_SHARDS). The first replica to
// start a tick inserts its rows (tick, 0..shards-1); each replica then claims one unclaimed shard
// at a time, evaluates its apps and marks it done, until no shard is left.
//
// Guarantee: each (tick, shard) is claimed by exactly one replica, by one conditional UPDATE
// (holder IS NULL → holder = me); on PostgreSQL the candidate row is picked with
// FOR UPDATE SKIP LOCKED, so concurrent claimers take different shards without waiting. A
// claimed shard is never claimed again in the same tick, so while replicas are healthy every app
// is evaluated once per tick, and a replica killed mid-shard loses the rest of that shard for
// that tick: at most once per tick and shard. Nothing is lost for good: the next tick's shards
// are new rows, and an app's state is stepped from its watermark, so the next tick evaluates every
// sample the lost shard did not. An app whose evaluation was cut off mid-write rolled back (its
// state and findings are one transaction: its own, or its batch's for evaluations that open and
// resolve nothing, lib/findings/persist.ts persistQuiet).

/** Which shard an app belongs to: FNV-1a of its id, so every replica agrees. */
export function shardOf(appRef: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < appRef.length; i++) {
    h ^= appRef.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}

const pg = () => providerOf(env().DATABASE_URL) === "postgresql";

/** Inserts the tick's shard rows unless a replica already did. */
export async function openTick(tick: number, shards: number): Promise<void> {
  const ph = placeholders(shards * 3);
  const rows = Array.from({ length: shards }, (_, i) => `(${ph[3 * i]}, ${ph[3 * i + 1]}, ${ph[3 * i + 2]})`).join(", ");
  const params = Array.from({ length: shards }, (_, i) => [BigInt(tick), i, shards]).flat();
  await db().$executeRawUnsafe(`INSERT INTO "DetectionShard" ("tick", "shard", "shards") VALUES ${rows} ON CONFLICT ("tick", "shard") DO NOTHING`, ...params);
}

/** Claims one unclaimed shard of the tick for `holder`; null when every shard is taken. */
export async function claimShard(tick: number, holder: string, nowMs = Date.now()): Promise<{ shard: number; shards: number } | null> {
  const [h, at, t] = placeholders(3);
  const pick = pg()
    ? `SELECT "tick", "shard" FROM "DetectionShard" WHERE "tick" = ${t} AND "holder" IS NULL ORDER BY "shard" LIMIT 1 FOR UPDATE SKIP LOCKED`
    : `SELECT "tick", "shard" FROM "DetectionShard" WHERE "tick" = ${t} AND "holder" IS NULL ORDER BY "shard" LIMIT 1`;
  const rows = await db().$queryRawUnsafe<{ shard: number | bigint; shards: number | bigint }[]>(
    `UPDATE "DetectionShard" SET "holder" = ${h}, "claimedAt" = ${at}
     WHERE ("tick", "shard") IN (${pick}) AND "holder" IS NULL
     RETURNING "shard", "shards"`,
    holder, BigInt(nowMs), BigInt(tick),
  );
  const r = rows[0];
  return r ? { shard: Number(r.shard), shards: Number(r.shards) } : null;
}

/** Marks a claimed shard done with the number of apps it evaluated; true when the whole tick is done. */
export async function finishShard(tick: number, shard: number, holder: string, apps: number, nowMs = Date.now()): Promise<boolean> {
  await db().detectionShard.updateMany({ where: { tick: BigInt(tick), shard, holder }, data: { doneAt: BigInt(nowMs), apps } });
  const open = await db().detectionShard.count({ where: { tick: BigInt(tick), doneAt: null } });
  return open === 0;
}

/** Shard rows older than a day go (hourly, with the leases). */
export async function pruneShards(now = Date.now()): Promise<number> {
  const { count } = await db().detectionShard.deleteMany({ where: { tick: { lt: BigInt(now - 86_400_000) } } });
  return count;
}

/**
 * The newest tick whose shards are all done (epoch ms of its slot), or null: every replica read
 * its apps' samples at or after that slot, so no sample older than it is waiting for a tick
 * (except late ones, which wait for their rebuild). Feeds portal_detection_lag_seconds.
 */
export async function latestFinishedTick(): Promise<number | null> {
  const rows = await db().$queryRawUnsafe<{ tick: bigint | number }[]>(
    `SELECT "tick" FROM "DetectionShard" GROUP BY "tick" HAVING SUM(CASE WHEN "doneAt" IS NULL THEN 1 ELSE 0 END) = 0 ORDER BY "tick" DESC LIMIT 1`,
  );
  return rows[0] ? Number(rows[0].tick) : null;
}
