import "server-only";
import { db } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";

export type TrafficSeries = { ts: Float64Array; values: Float64Array };

// Stored samples of one app in [fromMs, toMs), oldest first. Raw SQL: it is the hot read of
// every detection pass and returns plain numbers instead of one object per sample.
export async function loadTraffic(appRef: string, fromMs: number, toMs: number): Promise<TrafficSeries> {
  const [a, b, c] = placeholders(3);
  const rows = await db().$queryRawUnsafe<{ ts: bigint | number; value: number }[]>(
    `SELECT "ts", "value" FROM "TrafficSample" WHERE "appRef" = ${a} AND "ts" >= ${b} AND "ts" < ${c} ORDER BY "ts"`,
    appRef,
    BigInt(Math.floor(fromMs)),
    BigInt(Math.ceil(toMs)),
  );
  const ts = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    ts[i] = Number(r.ts);
    values[i] = r.value;
  });
  return { ts, values };
}
