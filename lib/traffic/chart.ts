import "server-only";
import { db } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";

const MAX_POINTS = 1_500;

// Long ranges are downsampled in the database: samples are averaged into `step` buckets,
// and the step grows with the range so a chart never gets more than ~1,500 points.
export function chartStepSeconds(fromMs: number, toMs: number, requested?: number): number {
  const minimum = Math.ceil((toMs - fromMs) / 1000 / MAX_POINTS);
  return Math.max(requested ?? 60, minimum, 1);
}

export async function trafficPoints(appRef: string, fromMs: number, toMs: number, stepSeconds: number) {
  const stepMs = BigInt(stepSeconds * 1000);
  const [s1, s2, a, from, to] = placeholders(5);
  const rows = await db().$queryRawUnsafe<{ t: bigint | number; v: number }[]>(
    `SELECT ("ts" / ${s1}) * ${s2} AS "t", AVG("value") AS "v" FROM "TrafficSample"
     WHERE "appRef" = ${a} AND "ts" >= ${from} AND "ts" < ${to} GROUP BY 1 ORDER BY 1`,
    stepMs,
    stepMs,
    appRef,
    BigInt(Math.floor(fromMs)),
    BigInt(Math.ceil(toMs)),
  );
  return rows.map((r) => ({ t: Number(r.t), v: Number(r.v) }));
}
