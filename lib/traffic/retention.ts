import "server-only";
import { db, sqliteConnection } from "@/lib/db/client";
import { allSeriesKeys } from "./keys";
import { cutoffs, FIVE_MINUTES_S, HOUR_S, type TrafficLevels } from "./levels";
import { trafficLevels } from "./settings";
import { inSlice, statement, vacuumFreePages } from "./sqlite";

/** rolledRaw: raw samples moved into 5-minute buckets; rolledFiveMinute: samples (by count) moved into 1-hour buckets; deleted: 1-hour buckets past retention. */
export type MaintenanceSummary = { apps: number; rolledRaw: number; rolledFiveMinute: number; deleted: number; vacuumedPages: number };

// Merging into an existing bucket adds: the rows being moved are deleted from their level in the
// same transaction, so no sample is ever added twice (see lib/traffic/write.ts for late samples).
const merge = (table: string, max: string, min: string) =>
  `ON CONFLICT ("key", "bucket") DO UPDATE SET "count" = "${table}"."count" + excluded."count", "sum" = "${table}"."sum" + excluded."sum",
   "min" = ${min}("${table}"."min", excluded."min"), "max" = ${max}("${table}"."max", excluded."max")`;

const SQLITE = {
  rollRaw: `INSERT INTO "TrafficRollup5m" ("key", "bucket", "count", "sum", "min", "max")
    SELECT "key", "ts" / ${FIVE_MINUTES_S} * ${FIVE_MINUTES_S}, COUNT(*), SUM("value"), MIN("value"), MAX("value") FROM "TrafficSample"
    WHERE "key" = ? AND "ts" < ? GROUP BY 2 ${merge("TrafficRollup5m", "MAX", "MIN")}`,
  deleteRaw: `DELETE FROM "TrafficSample" WHERE "key" = ? AND "ts" < ?`,
  rollFive: `INSERT INTO "TrafficRollup1h" ("key", "bucket", "count", "sum", "min", "max")
    SELECT "key", "bucket" / ${HOUR_S} * ${HOUR_S}, SUM("count"), SUM("sum"), MIN("min"), MAX("max") FROM "TrafficRollup5m"
    WHERE "key" = ? AND "bucket" < ? GROUP BY 2 ${merge("TrafficRollup1h", "MAX", "MIN")}`,
  countFive: `SELECT COALESCE(SUM("count"), 0) FROM "TrafficRollup5m" WHERE "key" = ? AND "bucket" < ?`,
  deleteFive: `DELETE FROM "TrafficRollup5m" WHERE "key" = ? AND "bucket" < ?`,
  deleteHour: `DELETE FROM "TrafficRollup1h" WHERE "key" = ? AND "bucket" < ?`,
};

// PostgreSQL: each move is one statement (DELETE … RETURNING feeding the INSERT), so exactly the
// rows deleted are the rows rolled up, even with writers committing in between.
const POSTGRES = {
  rollRaw: `WITH moved AS (DELETE FROM "TrafficSample" WHERE "key" = $1 AND "ts" < $2 RETURNING "key", "ts", "value")
    INSERT INTO "TrafficRollup5m" ("key", "bucket", "count", "sum", "min", "max")
    SELECT "key", "ts" / ${FIVE_MINUTES_S} * ${FIVE_MINUTES_S}, COUNT(*), SUM("value"), MIN("value"), MAX("value") FROM moved
    GROUP BY 1, 2 ${merge("TrafficRollup5m", "GREATEST", "LEAST")}`,
  countRaw: `SELECT COUNT(*)::int AS "n" FROM "TrafficSample" WHERE "key" = $1 AND "ts" < $2`,
  rollFive: `WITH moved AS (DELETE FROM "TrafficRollup5m" WHERE "key" = $1 AND "bucket" < $2 RETURNING *)
    INSERT INTO "TrafficRollup1h" ("key", "bucket", "count", "sum", "min", "max")
    SELECT "key", "bucket" / ${HOUR_S} * ${HOUR_S}, SUM("count"), SUM("sum"), MIN("min"), MAX("max") FROM moved
    GROUP BY 1, 2 ${merge("TrafficRollup1h", "GREATEST", "LEAST")}`,
  countFive: `SELECT COALESCE(SUM("count"), 0)::int AS "n" FROM "TrafficRollup5m" WHERE "key" = $1 AND "bucket" < $2`,
  deleteHour: `DELETE FROM "TrafficRollup1h" WHERE "key" = $1 AND "bucket" < $2`,
};

/**
 * Moves traffic down the levels and applies retention, one app at a time: raw samples older than
 * the raw window become 5-minute buckets, 5-minute buckets older than theirs become 1-hour
 * buckets, and 1-hour buckets past TRAFFIC_RETENTION_DAYS are deleted. Idempotent: a second run
 * with the same `now` finds nothing to move. On SQLite each app is one short transaction between
 * which the event loop runs, and freed pages go back to the file system (incremental vacuum).
 */
export async function maintainTraffic(nowMs = Date.now(), levels: TrafficLevels = trafficLevels()): Promise<MaintenanceSummary> {
  const cut = cutoffs(levels, nowMs);
  const apps = await allSeriesKeys();
  const s: MaintenanceSummary = { apps: apps.length, rolledRaw: 0, rolledFiveMinute: 0, deleted: 0, vacuumedPages: 0 };
  const conn = await sqliteConnection();
  if (conn) {
    const q = Object.fromEntries(Object.entries(SQLITE).map(([k, sql]) => [k, statement(conn, sql)])) as Record<keyof typeof SQLITE, ReturnType<typeof statement>>;
    q.countFive.pluck();
    for (const { key } of apps) {
      await inSlice(conn, () => {
        q.rollRaw.run(key, cut.raw);
        s.rolledRaw += q.deleteRaw.run(key, cut.raw).changes;
        s.rolledFiveMinute += Number(q.countFive.get(key, cut.fiveMinute));
        q.rollFive.run(key, cut.fiveMinute);
        q.deleteFive.run(key, cut.fiveMinute);
        s.deleted += q.deleteHour.run(key, cut.retention).changes;
      });
    }
    s.vacuumedPages = await vacuumFreePages(conn);
    return s;
  }
  for (const { key } of apps) {
    await db().$transaction(async (tx) => {
      const n = async (sql: string, c: number) => ((await tx.$queryRawUnsafe<{ n: number }[]>(sql, key, BigInt(c)))[0]?.n ?? 0);
      // counted first, for the summary only; the move itself is one statement
      s.rolledRaw += await n(POSTGRES.countRaw, cut.raw);
      await tx.$executeRawUnsafe(POSTGRES.rollRaw, key, BigInt(cut.raw));
      s.rolledFiveMinute += await n(POSTGRES.countFive, cut.fiveMinute);
      await tx.$executeRawUnsafe(POSTGRES.rollFive, key, BigInt(cut.fiveMinute));
      s.deleted += await tx.$executeRawUnsafe(POSTGRES.deleteHour, key, BigInt(cut.retention));
    });
  }
  return s;
}
