import "server-only";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { db, PG_OPTIONS, sqliteConnection } from "@/lib/db/client";
import { bulkQuery } from "@/lib/db/pg-worker";
import { env } from "@/lib/env";
import { seriesKeys } from "./keys";
import { bucketOf, cutoffs, FIVE_MINUTES_S, HOUR_S, toSeconds } from "./levels";
import { trafficLevels } from "./settings";
import { inSlice, statement } from "./sqlite";

export type Row = { appRef: string; ts: number; value: number };
export type WriteOutcome = { written: number; final: number[] };

// Rows per transaction on SQLite (one slice: a few milliseconds), per INSERT on PostgreSQL.
const SQLITE_SLICE = 4_000;
const SLICE_MS = 8;
const PG_CHUNK = 8_000;
const YIELD_ROWS = 2_000;

const UPSERT = `INSERT INTO "TrafficSample" ("key", "ts", "value") VALUES (?, ?, ?) ON CONFLICT ("key", "ts") DO UPDATE SET "value" = excluded."value"`;
const ROLLED = `SELECT (EXISTS (SELECT 1 FROM "TrafficRollup5m" WHERE "key" = ? AND "bucket" = ?)
  OR EXISTS (SELECT 1 FROM "TrafficRollup1h" WHERE "key" = ? AND "bucket" = ?)) AS "rolled"`;

/**
 * Stores samples (ts in epoch ms, kept to the second). A re-sent (app, second) replaces the
 * earlier value. A sample older than the raw window whose 5-minute or 1-hour bucket has already
 * been rolled up is refused (its index is in `final`): the raw samples of that bucket are gone,
 * so it could only be added on top, and a re-send would then count twice.
 * Not atomic across slices: on an error some slices may be stored; re-sending is safe.
 */
export async function writeSamples(rows: Row[], nowMs = Date.now()): Promise<WriteOutcome> {
  if (rows.length === 0) return { written: 0, final: [] };
  const keys = await seriesKeys(rows.map((r) => r.appRef), true);
  // a big write gives the event loop back between its steps (each is milliseconds of JavaScript
  // over every row), so requests served meanwhile wait for one step, not for all of them
  const big = rows.length > YIELD_ROWS;
  if (big) await yieldToLoop();
  const rawCut = cutoffs(trafficLevels(), nowMs).raw;
  const conn = await sqliteConnection();
  const out = conn ? await writeSqlite(conn, rows, keys, rawCut) : await writePostgres(rows, keys, rawCut, big);
  if (big) await yieldToLoop();
  await markLate(rows, out.final);
  return out;
}

/**
 * Late samples are never silently dropped by the detection: for every app that got a sample at or
 * before the watermark of its detector state (lib/findings/detector-state.ts), lateSeq goes up
 * and the next tick rebuilds that state from history. One statement per app (an index seek) on
 * SQLite, one statement per batch on PostgreSQL.
 */
async function markLate(rows: Row[], final: number[]): Promise<void> {
  const refused = new Set(final);
  const oldest = new Map<string, number>();
  rows.forEach((r, k) => {
    if (refused.has(k)) return;
    const ms = toSeconds(r.ts) * 1000;
    const o = oldest.get(r.appRef);
    if (o === undefined || ms < o) oldest.set(r.appRef, ms);
  });
  if (oldest.size === 0) return;
  const entries = [...oldest];
  const conn = await sqliteConnection();
  if (conn) {
    const mark = statement(conn, MARK_LATE);
    for (let i = 0; i < entries.length; i += SQLITE_SLICE) {
      await inSlice(conn, () => {
        for (const [appRef, ms] of entries.slice(i, i + SQLITE_SLICE)) mark.run(appRef, ms);
      });
    }
    return;
  }
  for (let i = 0; i < entries.length; i += PG_CHUNK) {
    const chunk = entries.slice(i, i + PG_CHUNK);
    await pgBulk(
      `UPDATE "DetectorState" d SET "lateSeq" = d."lateSeq" + 1 FROM unnest($1::text[], $2::bigint[]) AS v(app, ts) WHERE d."appRef" = v.app AND d."watermark" >= v.ts`,
      [chunk.map(([appRef]) => appRef), chunk.map(([, ms]) => ms)],
    );
  }
}

// Through the (appRef, watermark) index: in the table the state blob (~40 KB) comes before
// watermark, so testing it there reads the blob's overflow pages, for every app of the push
// (~0.5 s per 10,000 apps); through the index only a late app's row is touched.
const MARK_LATE = `UPDATE "DetectorState" INDEXED BY "DetectorState_appRef_watermark_idx" SET "lateSeq" = "lateSeq" + 1 WHERE "appRef" = ? AND "watermark" >= ?`;

async function writeSqlite(conn: NonNullable<Awaited<ReturnType<typeof sqliteConnection>>>, rows: Row[], keys: Map<string, number>, rawCut: number): Promise<WriteOutcome> {
  const upsert = statement(conn, UPSERT);
  const rolled = statement(conn, ROLLED).pluck();
  const final: number[] = [];
  let written = 0;
  // grouped by app (apps in key order, each app's rows in the order sent), so a slice touches few
  // apps' newest pages instead of one page per sample
  const keyOf = new Int32Array(rows.length);
  rows.forEach((r, k) => (keyOf[k] = keys.get(r.appRef) as number));
  const order = byKeyInOrder(keyOf);
  // a slice ends after SQLITE_SLICE rows or SLICE_MS, whichever comes first: into a big table
  // (one cold page per app) 4,000 rows can take tens of milliseconds, and a read waits for a slice
  for (let i = 0; i < order.length; ) {
    written += await inSlice(conn, () => {
      const started = performance.now();
      const first = i;
      const end = Math.min(order.length, i + SQLITE_SLICE);
      let n = 0;
      for (; i < end; i++) {
        if (i > first && (i & 63) === 0 && performance.now() - started > SLICE_MS) break;
        const k = order[i] as number;
        const r = rows[k] as Row;
        const key = keyOf[k] as number;
        const ts = toSeconds(r.ts);
        if (ts < rawCut && rolled.get(key, bucketOf(ts, FIVE_MINUTES_S), key, bucketOf(ts, HOUR_S))) {
          final.push(k);
          continue;
        }
        upsert.run(key, ts, r.value);
        n++;
      }
      return n;
    });
  }
  final.sort((a, b) => a - b);
  return { written, final };
}

// Indexes of the rows grouped by key, keys ascending, each key's rows in their order: a counting
// sort over the keys (series keys are small integers handed out one by one; 50,000 rows took
// ~25 ms through a Map of arrays and ~4 ms here), or a comparison sort where the largest key is
// far beyond the number of rows.
export function byKeyInOrder(keyOf: Int32Array): Int32Array {
  const n = keyOf.length;
  const max = keyOf.reduce((m, key) => (key > m ? key : m), 0);
  if (max > 4 * n + 65_536) return Int32Array.from(keyOf.keys()).sort((a, b) => (keyOf[a] as number) - (keyOf[b] as number) || a - b);
  // next[key]: where the next row of that key goes (first the count of smaller keys)
  const next = new Int32Array(max + 1);
  for (const key of keyOf) next[key] = (next[key] as number) + 1;
  let at = 0;
  for (let key = 0; key <= max; key++) {
    const count = next[key] as number;
    next[key] = at;
    at += count;
  }
  const order = new Int32Array(n);
  keyOf.forEach((key, k) => {
    const slot = next[key] as number;
    order[slot] = k;
    next[key] = slot + 1;
  });
  return order;
}

async function writePostgres(rows: Row[], keys: Map<string, number>, rawCut: number, big: boolean): Promise<WriteOutcome> {
  const fresh: number[] = [];
  const old: number[] = [];
  rows.forEach((r, i) => (toSeconds(r.ts) < rawCut ? old : fresh).push(i));
  if (big) await yieldToLoop();
  // the rows as three arrays (unnest): three parameters and a short statement to parse and plan,
  // where a VALUES list took three placeholders per row (24,000 per chunk)
  const arrays = (idx: number[]) => {
    const k: number[] = [];
    const t: number[] = [];
    const x: number[] = [];
    for (const i of idx) {
      const r = rows[i] as Row;
      k.push(keys.get(r.appRef) as number);
      t.push(toSeconds(r.ts));
      x.push(r.value);
    }
    return [k, t, x];
  };
  let written = 0;
  for (let i = 0; i < fresh.length; i += PG_CHUNK) {
    // one statement may not touch a row twice: the last of duplicate (key, ts) wins, as on SQLite
    const chunk = lastPerSecond(rows, keys, fresh.slice(i, i + PG_CHUNK));
    if (big) await yieldToLoop();
    written += (await pgBulk(
      `INSERT INTO "TrafficSample" ("key", "ts", "value") SELECT * FROM unnest($1::int[], $2::bigint[], $3::float8[])
       ON CONFLICT ("key", "ts") DO UPDATE SET "value" = excluded."value"`,
      arrays(chunk),
    )).rowCount;
  }
  const final: number[] = [];
  for (let i = 0; i < old.length; i += PG_CHUNK) {
    const chunk = lastPerSecond(rows, keys, old.slice(i, i + PG_CHUNK));
    const { rows: stored } = await pgBulk<{ key: number; ts: bigint | string }>(
      `INSERT INTO "TrafficSample" ("key", "ts", "value")
       SELECT v.k, v.t, v.x FROM unnest($1::int[], $2::bigint[], $3::float8[]) AS v(k, t, x)
       WHERE NOT EXISTS (SELECT 1 FROM "TrafficRollup5m" r WHERE r."key" = v.k AND r."bucket" = v.t - v.t % ${FIVE_MINUTES_S})
         AND NOT EXISTS (SELECT 1 FROM "TrafficRollup1h" r WHERE r."key" = v.k AND r."bucket" = v.t - v.t % ${HOUR_S})
       ON CONFLICT ("key", "ts") DO UPDATE SET "value" = excluded."value"
       RETURNING "key", "ts"`,
      arrays(chunk),
    );
    const ok = new Set(stored.map((s) => `${s.key}:${s.ts}`));
    written += stored.length;
    for (const k of chunk) {
      const r = rows[k] as Row;
      if (!ok.has(`${keys.get(r.appRef)}:${toSeconds(r.ts)}`)) final.push(k);
    }
  }
  final.sort((a, b) => a - b);
  return { written, final };
}

/**
 * A bulk statement on PostgreSQL, in the worker thread of lib/db/pg-worker.ts (off the event loop
 * that serves requests), or through Prisma when there is no worker. Bigint columns come back as
 * strings from the worker and as bigint from Prisma.
 */
export async function pgBulk<T = unknown>(sql: string, params: unknown[]): Promise<{ rows: T[]; rowCount: number }> {
  const r = await bulkQuery(env().DATABASE_URL, PG_OPTIONS, sql, params, async () => {
    if (/\bRETURNING\b|^\s*SELECT\b/i.test(sql)) {
      const rows = await db().$queryRawUnsafe<unknown[]>(sql, ...params);
      return { rows, rowCount: rows.length };
    }
    return { rows: [], rowCount: await db().$executeRawUnsafe(sql, ...params) };
  });
  return { rows: r.rows as T[], rowCount: r.rowCount };
}

// (key, second) as one number where that is exact: seconds below 2^32 (the pushes' 2000–2100
// bound) and keys below 2^21 (2^53 in all); a string otherwise, so no two (key, second) can meet
function lastPerSecond(rows: Row[], keys: Map<string, number>, idx: number[]): number[] {
  const last = new Map<number | string, number>();
  for (const i of idx) {
    const r = rows[i] as Row;
    const key = keys.get(r.appRef) as number;
    const s = toSeconds(r.ts);
    last.set(key < 2 ** 21 && s >= 0 && s < 2 ** 32 ? key * 2 ** 32 + s : `${key}:${s}`, i);
  }
  return last.size === idx.length ? idx : [...last.values()];
}
