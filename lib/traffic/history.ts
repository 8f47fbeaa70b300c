import "server-only";
import { db, sqliteConnection } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { placeholders } from "@/lib/db/sql";
import { seriesKeys } from "./keys";
import { emptyRollups, flattenHistory, FIVE_MINUTES_S, HOUR_S, type TrafficHistory, type TrafficSeries } from "./levels";
import { statement } from "./sqlite";

const RAW = `SELECT "ts", "value" FROM "TrafficSample" WHERE "key" = ? AND "ts" >= ? AND "ts" < ? ORDER BY "ts"`;
const ROLLUPS = `SELECT "bucket", ${FIVE_MINUTES_S} AS "span", "count", "sum", "min", "max" FROM "TrafficRollup5m" WHERE "key" = ? AND "bucket" >= ? AND "bucket" < ?
  UNION ALL SELECT "bucket", ${HOUR_S} AS "span", "count", "sum", "min", "max" FROM "TrafficRollup1h" WHERE "key" = ? AND "bucket" >= ? AND "bucket" < ?
  ORDER BY 1`;

const numbered = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => placeholders(1, i++)[0] as string);
};

const secondsRange = (fromMs: number, toMs: number) => [Math.ceil(fromMs / 1000), Math.ceil(toMs / 1000)] as const;

type RollupRow = [number, number, number, number, number, number];

/**
 * Everything stored of one app's traffic with a timestamp in [fromMs, toMs): the raw samples
 * (epoch ms, oldest first) and the 5-minute and 1-hour rollup buckets that start in the range
 * (oldest first). The levels never hold the same sample twice (lib/traffic/levels.ts). This is
 * the loader to rebuild an app's detector state from; `flattenHistory` makes one series of it.
 */
export async function loadHistory(appRef: string, fromMs: number, toMs: number): Promise<TrafficHistory> {
  const key = (await seriesKeys([appRef], false)).get(appRef);
  const empty: TrafficHistory = { raw: { ts: new Float64Array(0), values: new Float64Array(0) }, rollups: emptyRollups() };
  if (key === undefined) return empty;
  const [from, to] = secondsRange(fromMs, toMs);
  const conn = await sqliteConnection();
  let raw: [number, number][];
  let buckets: RollupRow[];
  if (conn) {
    raw = statement(conn, RAW).raw(true).all(key, from, to) as [number, number][];
    buckets = statement(conn, ROLLUPS).raw(true).all(key, from, to, key, from, to) as RollupRow[];
  } else {
    const r = await db().$queryRawUnsafe<{ ts: bigint; value: number }[]>(numbered(RAW), key, BigInt(from), BigInt(to));
    raw = r.map((x) => [Number(x.ts), x.value]);
    const b = await db().$queryRawUnsafe<{ bucket: bigint; span: number; count: number; sum: number; min: number; max: number }[]>(
      numbered(ROLLUPS), key, BigInt(from), BigInt(to), key, BigInt(from), BigInt(to),
    );
    buckets = b.map((x) => [Number(x.bucket), Number(x.span), Number(x.count), x.sum, x.min, x.max]);
  }
  const out: TrafficHistory = { raw: { ts: new Float64Array(raw.length), values: new Float64Array(raw.length) }, rollups: emptyRollups(buckets.length) };
  raw.forEach(([t, v], i) => {
    out.raw.ts[i] = t * 1000;
    out.raw.values[i] = v;
  });
  const r = out.rollups;
  buckets.forEach(([t, span, count, sum, min, max], i) => {
    r.ts[i] = t * 1000;
    r.spanMs[i] = span * 1000;
    r.count[i] = count;
    r.sum[i] = sum;
    r.min[i] = min;
    r.max[i] = max;
  });
  return out;
}

/**
 * One app's traffic in [fromMs, toMs) as one series, oldest first: raw samples where they are
 * kept, rollup buckets (at their mean, at the raw samples' cadence) before that.
 */
export async function loadTraffic(appRef: string, fromMs: number, toMs: number): Promise<TrafficSeries> {
  return flattenHistory(await loadHistory(appRef, fromMs, toMs));
}

// Per app, the oldest and newest stored second over all levels; each subquery is one seek on a
// primary key (key, ts|bucket), so this costs per app, not per stored sample. A rollup counts
// up to the end of its bucket.
const EXTENT = `SELECT s."appRef" AS "appRef",
  (SELECT MIN("ts") FROM "TrafficSample" t WHERE t."key" = s."key") AS "rawFirst",
  (SELECT MAX("ts") FROM "TrafficSample" t WHERE t."key" = s."key") AS "rawLast",
  (SELECT MIN("bucket") FROM "TrafficRollup5m" t WHERE t."key" = s."key") AS "fiveFirst",
  (SELECT MAX("bucket") FROM "TrafficRollup5m" t WHERE t."key" = s."key") AS "fiveLast",
  (SELECT MIN("bucket") FROM "TrafficRollup1h" t WHERE t."key" = s."key") AS "hourFirst",
  (SELECT MAX("bucket") FROM "TrafficRollup1h" t WHERE t."key" = s."key") AS "hourLast"
  FROM "TrafficSeries" s WHERE s."appRef" IN (LIST)`;

type ExtentRow = { appRef: string; rawFirst: unknown; rawLast: unknown; fiveFirst: unknown; fiveLast: unknown; hourFirst: unknown; hourLast: unknown };

/** Oldest and newest stored traffic (epoch ms) of each app that has any; apps without traffic are absent. */
export async function trafficExtent(appRefs: string[]): Promise<Map<string, { first: number; last: number }>> {
  const out = new Map<string, { first: number; last: number }>();
  const conn = await sqliteConnection();
  for (let i = 0; i < appRefs.length; i += 500) {
    const chunk = appRefs.slice(i, i + 500);
    const sql = EXTENT.replace("LIST", placeholders(chunk.length).join(", "));
    const rows = (conn ? statement(conn, sql).all(...chunk) : await db().$queryRawUnsafe(sql, ...chunk)) as ExtentRow[];
    for (const r of rows) {
      const n = (v: unknown, plus = 0) => (v === null || v === undefined ? NaN : Number(v) + plus);
      const firsts = [n(r.rawFirst), n(r.fiveFirst), n(r.hourFirst)].filter(Number.isFinite);
      const lasts = [n(r.rawLast), n(r.fiveLast, FIVE_MINUTES_S - 1), n(r.hourLast, HOUR_S - 1)].filter(Number.isFinite);
      if (firsts.length > 0) out.set(r.appRef, { first: Math.min(...firsts) * 1000, last: Math.max(...lasts) * 1000 });
    }
  }
  return out;
}

const NEWEST_RAW = `SELECT s."appRef" AS "appRef", (SELECT MAX("ts") FROM "TrafficSample" t WHERE t."key" = s."key") AS "last"
  FROM "TrafficSeries" s WHERE s."appRef" IN (LIST)`;

/**
 * Newest stored sample (epoch ms) of each app: one seek per app on the raw samples' primary key;
 * only apps without a raw sample (silent for longer than the raw window) look at the rollups
 * (trafficExtent). Rollups only hold periods older than the raw window, so an app with raw
 * samples has its newest among them. Apps without any traffic are absent.
 */
export async function newestStored(appRefs: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const conn = await sqliteConnection();
  const noRaw: string[] = [];
  for (let i = 0; i < appRefs.length; i += 500) {
    const chunk = appRefs.slice(i, i + 500);
    const sql = NEWEST_RAW.replace("LIST", placeholders(chunk.length).join(", "));
    const rows = (conn ? statement(conn, sql).all(...chunk) : await db().$queryRawUnsafe(sql, ...chunk)) as { appRef: string; last: unknown }[];
    for (const r of rows) {
      if (r.last === null || r.last === undefined) noRaw.push(r.appRef);
      else out.set(r.appRef, Number(r.last) * 1000);
    }
  }
  for (const [appRef, e] of await trafficExtent(noRaw)) out.set(appRef, e.last);
  return out;
}

const RAW_AFTER = `SELECT "ts", "value" FROM "TrafficSample" WHERE "key" = ? AND "ts" > ? AND "ts" < ? ORDER BY "ts"`;
const COUNT_RAW = `SELECT COUNT(*) AS "n" FROM "TrafficSample" WHERE "key" = ? AND "ts" > ? AND "ts" <= ?`;

/**
 * One app's raw samples with a timestamp after `afterMs` and before `toMs` (epoch ms, oldest
 * first): what arrived since a detector state's watermark. One range seek on the primary key.
 */
export async function loadRawAfter(appRef: string, afterMs: number, toMs: number): Promise<TrafficSeries> {
  const key = (await seriesKeys([appRef], false)).get(appRef);
  if (key === undefined) return { ts: new Float64Array(0), values: new Float64Array(0) };
  const after = Math.floor(afterMs / 1000);
  const to = Math.ceil(toMs / 1000);
  const conn = await sqliteConnection();
  let rows: [number, number][];
  if (conn) rows = statement(conn, RAW_AFTER).raw(true).all(key, after, to) as [number, number][];
  else {
    const r = await db().$queryRawUnsafe<{ ts: bigint; value: number }[]>(numbered(RAW_AFTER), key, BigInt(after), BigInt(to));
    rows = r.map((x) => [Number(x.ts), x.value]);
  }
  const out = { ts: new Float64Array(rows.length), values: new Float64Array(rows.length) };
  rows.forEach(([t, v], i) => {
    out.ts[i] = t * 1000;
    out.values[i] = v;
  });
  return out;
}

/**
 * Raw samples of one app with afterMs < ts ≤ throughMs, counted inside a transaction (`tx`):
 * the detection compares it with what it read, so a sample stored between its read and its
 * write is noticed (see lib/findings/detector-state.ts).
 */
export async function countRawIn(tx: Tx, appRef: string, afterMs: number, throughMs: number): Promise<number> {
  const key = (await seriesKeys([appRef], false)).get(appRef);
  if (key === undefined) return 0;
  const rows = await tx.$queryRawUnsafe<{ n: bigint | number }[]>(numbered(COUNT_RAW), key, BigInt(Math.floor(afterMs / 1000)), BigInt(Math.floor(throughMs / 1000)));
  return Number(rows[0]?.n ?? 0);
}

/**
 * loadRawAfter for many apps at once (one detection batch): for each app, its raw samples with
 * afterMs < ts < toMs. One range seek per app on SQLite (a prepared statement, no round trip), one
 * query for all of them on PostgreSQL.
 */
export async function loadRawAfterMany(wanted: { appRef: string; afterMs: number }[], toMs: number): Promise<Map<string, TrafficSeries>> {
  const out = new Map<string, TrafficSeries>();
  if (wanted.length === 0) return out;
  const keys = await seriesKeys(wanted.map((w) => w.appRef), false);
  const to = Math.ceil(toMs / 1000);
  const rows: { appRef: string; key: number; after: number; got: [number, number][] }[] = [];
  for (const w of wanted) {
    const key = keys.get(w.appRef);
    if (key === undefined) out.set(w.appRef, { ts: new Float64Array(0), values: new Float64Array(0) });
    else rows.push({ appRef: w.appRef, key, after: Math.floor(w.afterMs / 1000), got: [] });
  }
  const conn = await sqliteConnection();
  if (conn) {
    const st = statement(conn, RAW_AFTER).raw(true);
    for (const r of rows) r.got = st.all(r.key, r.after, to) as [number, number][];
  } else {
    // one statement for the batch, the apps' keys and watermarks as two arrays, and a range seek
    // on the primary key per app: the LATERAL subquery with OFFSET 0, which keeps the planner from
    // flattening it into a join. Flattened (and before, as a join against a VALUES list) it was
    // planned as a hash or merge join over the whole table once the batch held a few hundred
    // apps: ~500 ms per 500 apps on 2,000 apps × 1 d, growing with the table.
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (let i = 0; i < rows.length; i += 1_000) {
      const chunk = rows.slice(i, i + 1_000);
      const got = await db().$queryRawUnsafe<{ key: number; ts: bigint; value: number }[]>(
        `SELECT v."key", t."ts", t."value" FROM unnest($1::int[], $2::bigint[]) AS v("key", "after")
         CROSS JOIN LATERAL (SELECT s."ts", s."value" FROM "TrafficSample" s WHERE s."key" = v."key" AND s."ts" > v."after" AND s."ts" < $3 OFFSET 0) t
         ORDER BY v."key", t."ts"`,
        chunk.map((r) => r.key), chunk.map((r) => r.after), BigInt(to),
      );
      for (const g of got) byKey.get(Number(g.key))?.got.push([Number(g.ts), g.value]);
    }
  }
  for (const r of rows) {
    const s = { ts: new Float64Array(r.got.length), values: new Float64Array(r.got.length) };
    r.got.forEach(([t, v], i) => {
      s.ts[i] = t * 1000;
      s.values[i] = v;
    });
    out.set(r.appRef, s);
  }
  return out;
}
