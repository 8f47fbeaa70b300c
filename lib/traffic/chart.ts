import "server-only";
import { db, sqliteConnection } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";
import { seriesKeys } from "./keys";
import { statement } from "./sqlite";

const MAX_POINTS = 1_500;

// Long ranges are downsampled in the database: samples are averaged into `step` buckets,
// and the step grows with the range so a chart never gets more than ~1,500 points.
export function chartStepSeconds(fromMs: number, toMs: number, requested?: number): number {
  const minimum = Math.ceil((toMs - fromMs) / 1000 / MAX_POINTS);
  return Math.max(requested ?? 60, minimum, 1);
}

// Each level contributes sum and count per step, so a step mixing raw samples and rollups (or
// two rollup levels) is the mean of all its samples. A rollup bucket counts in the step it starts
// in; a step shorter than a bucket has a point only at bucket starts.
const POINTS = `SELECT "t", SUM("s") / SUM("c") AS "v" FROM (
  SELECT ("ts" / ?) * ? AS "t", SUM("value") AS "s", COUNT(*) AS "c" FROM "TrafficSample" WHERE "key" = ? AND "ts" >= ? AND "ts" < ? GROUP BY 1
  UNION ALL SELECT ("bucket" / ?) * ?, SUM("sum"), SUM("count") FROM "TrafficRollup5m" WHERE "key" = ? AND "bucket" >= ? AND "bucket" < ? GROUP BY 1
  UNION ALL SELECT ("bucket" / ?) * ?, SUM("sum"), SUM("count") FROM "TrafficRollup1h" WHERE "key" = ? AND "bucket" >= ? AND "bucket" < ? GROUP BY 1
) AS "levels" GROUP BY "t" ORDER BY "t"`;

export async function trafficPoints(appRef: string, fromMs: number, toMs: number, stepSeconds: number) {
  const key = (await seriesKeys([appRef], false)).get(appRef);
  if (key === undefined) return [];
  const from = Math.ceil(fromMs / 1000);
  const to = Math.ceil(toMs / 1000);
  const conn = await sqliteConnection();
  let rows: { t: number | bigint; v: number }[];
  if (conn) {
    // BigInt binds as INTEGER (a JS number binds as REAL, and REAL division would not bucket)
    const args = [BigInt(stepSeconds), BigInt(stepSeconds), key, from, to];
    rows = statement(conn, POINTS).all(...args, ...args, ...args) as { t: number; v: number }[];
  } else {
    let i = 0;
    const sql = POINTS.replace(/\?/g, () => placeholders(1, i++)[0] as string);
    const args = [BigInt(stepSeconds), BigInt(stepSeconds), key, BigInt(from), BigInt(to)];
    rows = await db().$queryRawUnsafe(sql, ...args, ...args, ...args);
  }
  return rows.map((r) => ({ t: Number(r.t) * 1000, v: Number(r.v) }));
}
