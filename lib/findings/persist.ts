import "server-only";
import type pg from "pg";
import { db, pgPool, pgTransaction } from "@/lib/db/client";
import { reconcileFindings, type DetectionResult, type FindingDetectorName, type Finding } from "@/lib/detection";
import { queueResolved } from "@/lib/notify/queue";
import type { DetectionApp } from "./load-apps";
import { PAGING_SEVERITIES, isSeverity } from "@/lib/domain/enums";
import { checkpointDue, writeState, type StateRow, type StateUpdate } from "./detector-state";
import { encodeState } from "@/lib/detection";
import { seriesKeys } from "@/lib/traffic/keys";

export type PersistOutcome = { opened: Finding[]; resolved: number; notifications: number; revision: number | null; slipped: boolean };

type Open = DetectionApp["findings"][number] & { detector: FindingDetectorName };

// Applies one evaluation: opens new findings, resolves the ones that stopped, refreshes the
// still-open ones and the app's signal — all in one transaction. New findings that need a person
// wait as pageState "pending" for lib/notify (pageNewFindings) to decide who hears; whoever heard
// of a finding hears that it resolved.
// With `state`, the app's detector state is written first in the same transaction, conditional on
// the revision it was read at (lib/findings/detector-state.ts): if another tick wrote it since,
// nothing of this evaluation is kept (StateConflict).
export async function persistEvaluation(app: DetectionApp, result: DetectionResult, now: Date, state: StateUpdate | null = null): Promise<PersistOutcome> {
  // stored detector names are the FindingDetectorName strings this code wrote
  const open = app.findings.map((f) => ({ ...f, detector: f.detector as FindingDetectorName }));
  const plan = reconcileFindings<Open>(open, result.findings);
  let notifications = 0;
  let written: { revision: number; slipped: boolean } | null = null;
  await db().$transaction(async (tx) => {
    if (state) written = await writeState(tx, app.id, state, now);
    for (const f of plan.toOpen) {
      const row = await tx.finding.create({
        data: {
          appRef: app.id, detector: f.detector, severity: f.severity, status: "open", openKey: `${app.id}:${f.detector}`,
          startedAt: new Date(f.startedAt), observed: finite(f.observed), expected: finite(f.expected),
          bandLow: f.band ? finite(f.band[0]) : null, bandHigh: f.band ? finite(f.band[1]) : null, deviation: finite(f.deviation),
          windowFrom: new Date(f.window.from), windowTo: new Date(f.window.to), explanation: f.explanation,
          pageState: isSeverity(f.severity) && PAGING_SEVERITIES.has(f.severity) ? "pending" : "quiet", createdAt: now,
        },
      });
      if (row.pageState === "pending") notifications += 1;
    }
    for (const p of plan.toResolve) {
      const { count } = await tx.finding.updateMany({ where: { id: p.id, status: "open" }, data: { status: "resolved", openKey: null, resolvedAt: now } });
      if (count === 1) notifications += await queueResolved(tx, p.id, now);
    }
    for (const { previous, current } of plan.stillOpen) {
      await tx.finding.update({ where: { id: previous.id }, data: { observed: finite(current.observed), windowTo: new Date(current.window.to) } });
    }
    const signal = {
      anomalyScore: finite(result.anomalyScore), trendPerDay: result.trendPerDay, expected: finite(result.expected),
      observed: finite(result.observed), evaluatedAt: new Date(result.evaluatedAt),
      predLow: finiteOrNull(result.prediction.low), predHigh: finiteOrNull(result.prediction.high),
      outsideShare: result.prediction.outsideShare, calibrationSamples: result.prediction.samples,
    };
    await tx.appSignal.upsert({ where: { appRef: app.id }, create: { appRef: app.id, ...signal }, update: signal });
  });
  const w = written as { revision: number; slipped: boolean } | null;
  return { opened: plan.toOpen, resolved: plan.toResolve.length, notifications, revision: w?.revision ?? null, slipped: w?.slipped ?? false };
}

/** Whether an evaluation opens or resolves nothing (persistQuiet can write it). */
export function isQuiet(app: DetectionApp, result: DetectionResult): boolean {
  const open = app.findings.map((f) => ({ ...f, detector: f.detector as FindingDetectorName }));
  const plan = reconcileFindings<Open>(open, result.findings);
  return plan.toOpen.length === 0 && plan.toResolve.length === 0;
}

export type QuietItem = { app: DetectionApp; result: DetectionResult; update: StateUpdate | null };
/** Per app: the revision written (null: no state to write), or "conflict" (nothing of it was kept). */
export type QuietOutcome = { revision: number | null; slipped: boolean } | "conflict";

const CHUNK = 400;

// The steady case of persistEvaluation for a batch of apps whose evaluation opens and resolves
// nothing (isQuiet; steps of an existing state, or no new samples): one transaction for the
// batch, a few statements for all of its apps. Per app, as in persistEvaluation: the state row
// is advanced first, conditional on the revision read; an app whose row another tick wrote since
// keeps nothing of this evaluation ("conflict"; the others are unaffected), the rest get the
// recount of what they read (a sample that slipped in marks the state late), their still-open
// findings refreshed and their signal upserted. The state bytes are rewritten only when a
// checkpoint is due (lib/findings/detector-state.ts, "Checkpoints"); otherwise only the row's
// watermark and revision move.
export async function persistQuiet(items: QuietItem[], now: Date): Promise<Map<string, QuietOutcome>> {
  const out = new Map<string, QuietOutcome>();
  if (items.length === 0) return out;
  const pool = pgPool();
  if (pool) return persistQuietPostgres(items, now, out, pool);
  // SQLite from here: "?" placeholders, timestamps as ISO text with an explicit offset
  const at = now.toISOString().replace("Z", "+00:00");
  const keys = await seriesKeys(items.filter((i) => i.update?.recount).map((i) => i.app.id), false);
  await db().$transaction(async (tx) => {
    const winners: QuietItem[] = [];
    const bulk: QuietItem[] = [];
    for (const item of items) {
      const u = item.update;
      if (!u) {
        winners.push(item);
        out.set(item.app.id, { revision: null, slipped: false });
      } else if (!u.previous) throw new Error("persistQuiet: a new state row goes through persistEvaluation");
      else if (checkpointDue(item.app.id, u.previous.revision + 1)) {
        const { count } = await tx.detectorState.updateMany({
          where: { appRef: item.app.id, revision: u.previous.revision },
          data: { state: encodeState(u.state), watermark: BigInt(u.watermark), revision: u.previous.revision + 1, updatedAt: now },
        });
        if (count === 1) {
          winners.push(item);
          out.set(item.app.id, { revision: u.previous.revision + 1, slipped: false });
        } else out.set(item.app.id, "conflict");
      } else bulk.push(item);
    }
    for (let i = 0; i < bulk.length; i += CHUNK) {
      const chunk = bulk.slice(i, i + CHUNK);
      // (SQLite numbers "?" by position: the timestamp comes first in the text and in the parameters)
      const values = chunk.map(() => "(?, ?, ?)").join(", ");
      const won = await tx.$queryRawUnsafe<{ appRef: string }[]>(
        `UPDATE "DetectorState" SET "watermark" = v.column3, "revision" = v.column2 + 1, "updatedAt" = ?
         FROM (VALUES ${values}) AS v WHERE "DetectorState"."appRef" = v.column1 AND "DetectorState"."revision" = v.column2
         RETURNING "DetectorState"."appRef" AS "appRef"`,
        at, ...chunk.flatMap((it) => [it.app.id, (it.update as StateUpdate & { previous: { revision: number } }).previous.revision, BigInt((it.update as StateUpdate).watermark)]),
      );
      const ok = new Set(won.map((w) => w.appRef));
      for (const it of chunk) {
        const u = it.update as StateUpdate & { previous: { revision: number } };
        if (ok.has(it.app.id)) {
          winners.push(it);
          out.set(it.app.id, { revision: u.previous.revision + 1, slipped: false });
        } else out.set(it.app.id, "conflict");
      }
    }
    // the recount: raw samples in (read after, new watermark], counted now, against what was read
    const counted = winners.filter((it) => it.update?.recount && keys.has(it.app.id));
    const slipped: string[] = [];
    for (let i = 0; i < counted.length; i += CHUNK) {
      const chunk = counted.slice(i, i + CHUNK);
      const values = chunk.map(() => "(?, ?, ?, ?)").join(", ");
      const rows = await tx.$queryRawUnsafe<{ appRef: string; n: bigint | number }[]>(
        `SELECT v.column1 AS "appRef", (SELECT COUNT(*) FROM "TrafficSample" t WHERE t."key" = v.column2 AND t."ts" > v.column3 AND t."ts" <= v.column4) AS "n" FROM (VALUES ${values}) AS v`,
        ...chunk.flatMap((it) => {
          const u = it.update as StateUpdate & { recount: { afterMs: number; count: number } };
          return [it.app.id, keys.get(it.app.id) as number, BigInt(Math.floor(u.recount.afterMs / 1000)), BigInt(Math.floor(u.watermark / 1000))];
        }),
      );
      const want = new Map(chunk.map((it) => [it.app.id, (it.update as StateUpdate & { recount: { count: number } }).recount.count]));
      for (const r of rows) if (Number(r.n) !== want.get(r.appRef)) slipped.push(r.appRef);
    }
    if (slipped.length > 0) {
      await tx.detectorState.updateMany({ where: { appRef: { in: slipped } }, data: { lateSeq: { increment: 1 } } });
      markSlipped(slipped, out);
    }
    // still-open findings: their latest observation (SQLite stores "+00:00" timestamps)
    const refresh = stillOpenRefresh(winners, (iso) => iso.replace("Z", "+00:00"));
    for (let i = 0; i < refresh.length; i += CHUNK) {
      const chunk = refresh.slice(i, i + CHUNK);
      const values = chunk.map(() => "(?, ?, ?)").join(", ");
      await tx.$executeRawUnsafe(
        `UPDATE "Finding" SET "observed" = v.column2, "windowTo" = v.column3 FROM (VALUES ${values}) AS v WHERE "Finding"."id" = v.column1`,
        ...chunk.flatMap((r) => [r.id, r.observed, r.windowTo]),
      );
    }
    // the apps' signals
    for (let i = 0; i < winners.length; i += CHUNK) {
      const chunk = winners.slice(i, i + CHUNK);
      const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
      await tx.$executeRawUnsafe(
        `INSERT INTO "AppSignal" ("appRef", "anomalyScore", "trendPerDay", "expected", "observed", "evaluatedAt", "predLow", "predHigh", "outsideShare", "calibrationSamples")
         VALUES ${values}
         ON CONFLICT ("appRef") DO UPDATE SET "anomalyScore" = excluded."anomalyScore", "trendPerDay" = excluded."trendPerDay", "expected" = excluded."expected",
           "observed" = excluded."observed", "evaluatedAt" = excluded."evaluatedAt", "predLow" = excluded."predLow", "predHigh" = excluded."predHigh",
           "outsideShare" = excluded."outsideShare", "calibrationSamples" = excluded."calibrationSamples"`,
        ...chunk.flatMap(({ app, result }) => {
          const e = new Date(result.evaluatedAt).toISOString();
          return [
            app.id, finite(result.anomalyScore), result.trendPerDay, finite(result.expected), finite(result.observed), e.replace("Z", "+00:00"),
            finiteOrNull(result.prediction.low), finiteOrNull(result.prediction.high), result.prediction.outsideShare, result.prediction.samples,
          ];
        }),
      );
    }
  });
  return out;
}

type Stepped = StateUpdate & { previous: StateRow };

// persistQuiet on PostgreSQL: the same statements in the same order, each one for the whole batch
// with its values as arrays (unnest): a short statement text to parse and plan instead of one
// placeholder per value, and the checkpoints due written in the same statement as the watermark
// moves. Round trips per batch: BEGIN, (SET LOCAL,) the state rows, the recount, the still-open
// findings (when any), the signals, COMMIT. The transaction runs on a connection of Prisma's pool
// with node-postgres directly (lib/db/client.ts, pgPool): through Prisma every parameter went
// through JSON, each checkpoint's ~100 kB as base64, encoded and decoded again before it was sent
// (docs/detection.md, "On PostgreSQL").
async function persistQuietPostgres(items: QuietItem[], now: Date, out: Map<string, QuietOutcome>, pool: pg.Pool): Promise<Map<string, QuietOutcome>> {
  const keys = await seriesKeys(items.filter((i) => i.update?.recount).map((i) => i.app.id), false);
  const at = now.toISOString();
  await pgTransaction(pool, async (c) => {
    const winners: QuietItem[] = [];
    const stepped: QuietItem[] = [];
    for (const item of items) {
      if (!item.update) {
        winners.push(item);
        out.set(item.app.id, { revision: null, slipped: false });
      } else if (!item.update.previous) throw new Error("persistQuiet: a new state row goes through persistEvaluation");
      else stepped.push(item);
    }
    // the state rows, conditional on the revision read; the state bytes only where a checkpoint is due
    if (stepped.length > 0) {
      const u = (it: QuietItem) => it.update as Stepped;
      // each checkpoint is a parameter of its own (a Buffer: sent binary), picked by the row's
      // slot: a bytea[] goes as one text literal of hex (the server parses it), and a join
      // against a VALUES list of them copied every state once per row it was compared with
      const states: Uint8Array[] = [];
      const slot = stepped.map((it) => (checkpointDue(it.app.id, u(it).previous.revision + 1) ? states.push(encodeState(u(it).state)) : null));
      if (states.length > 0 && (await lz4(c))) await c.query(`SET LOCAL default_toast_compression = lz4`);
      const pick = states.length === 0 ? "NULL::bytea" : `CASE v."slot" ${states.map((_, i) => `WHEN ${i + 1} THEN $${6 + i}::bytea`).join(" ")} END`;
      const won = await c.query<{ appRef: string }>(
        `UPDATE "DetectorState" d SET "watermark" = v."watermark", "revision" = v."revision" + 1, "updatedAt" = $5::timestamp(3), "state" = COALESCE(${pick}, d."state")
         FROM unnest($1::text[], $2::int[], $3::bigint[], $4::int[]) AS v("appRef", "revision", "watermark", "slot")
         WHERE d."appRef" = v."appRef" AND d."revision" = v."revision"
         RETURNING d."appRef" AS "appRef"`,
        [stepped.map((it) => it.app.id), stepped.map((it) => u(it).previous.revision), stepped.map((it) => u(it).watermark), slot, at, ...states.map(asBuffer)],
      );
      const ok = new Set(won.rows.map((w) => w.appRef));
      for (const it of stepped) {
        if (ok.has(it.app.id)) {
          winners.push(it);
          out.set(it.app.id, { revision: u(it).previous.revision + 1, slipped: false });
        } else out.set(it.app.id, "conflict");
      }
    }
    // the recount: raw samples in (read after, new watermark], counted now (after the rows are
    // locked: a statement of its own, with a snapshot taken after the update), against what was read
    const counted = winners.filter((it) => it.update?.recount && keys.has(it.app.id));
    const slipped: string[] = [];
    if (counted.length > 0) {
      const rc = (it: QuietItem) => it.update as StateUpdate & { recount: { afterMs: number; count: number } };
      const rows = await c.query<{ appRef: string; n: string }>(
        `SELECT v."appRef", (SELECT COUNT(*) FROM "TrafficSample" t WHERE t."key" = v."key" AND t."ts" > v."after" AND t."ts" <= v."through") AS "n"
         FROM unnest($1::text[], $2::int[], $3::bigint[], $4::bigint[]) AS v("appRef", "key", "after", "through")`,
        [
          counted.map((it) => it.app.id), counted.map((it) => keys.get(it.app.id) as number),
          counted.map((it) => Math.floor(rc(it).recount.afterMs / 1000)), counted.map((it) => Math.floor(rc(it).watermark / 1000)),
        ],
      );
      const want = new Map(counted.map((it) => [it.app.id, rc(it).recount.count]));
      for (const r of rows.rows) if (Number(r.n) !== want.get(r.appRef)) slipped.push(r.appRef);
    }
    if (slipped.length > 0) {
      await c.query(`UPDATE "DetectorState" SET "lateSeq" = "lateSeq" + 1 WHERE "appRef" = ANY($1::text[])`, [slipped]);
      markSlipped(slipped, out);
    }
    // still-open findings: their latest observation
    const refresh = stillOpenRefresh(winners, (iso) => iso);
    if (refresh.length > 0) {
      await c.query(
        `UPDATE "Finding" f SET "observed" = v."observed", "windowTo" = v."windowTo"
         FROM unnest($1::text[], $2::float8[], $3::timestamp(3)[]) AS v("id", "observed", "windowTo") WHERE f."id" = v."id"`,
        [refresh.map((r) => r.id), refresh.map((r) => r.observed), refresh.map((r) => r.windowTo)],
      );
    }
    // the apps' signals
    if (winners.length > 0) {
      const col = <T>(f: (it: QuietItem) => T) => winners.map(f);
      await c.query(
        `INSERT INTO "AppSignal" ("appRef", "anomalyScore", "trendPerDay", "expected", "observed", "evaluatedAt", "predLow", "predHigh", "outsideShare", "calibrationSamples")
         SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::timestamp(3)[], $7::float8[], $8::float8[], $9::float8[], $10::int[])
         ON CONFLICT ("appRef") DO UPDATE SET "anomalyScore" = excluded."anomalyScore", "trendPerDay" = excluded."trendPerDay", "expected" = excluded."expected",
           "observed" = excluded."observed", "evaluatedAt" = excluded."evaluatedAt", "predLow" = excluded."predLow", "predHigh" = excluded."predHigh",
           "outsideShare" = excluded."outsideShare", "calibrationSamples" = excluded."calibrationSamples"`,
        [
          col((it) => it.app.id), col((it) => finite(it.result.anomalyScore)), col((it) => it.result.trendPerDay), col((it) => finite(it.result.expected)),
          col((it) => finite(it.result.observed)), col((it) => new Date(it.result.evaluatedAt).toISOString()),
          col((it) => finiteOrNull(it.result.prediction.low)), col((it) => finiteOrNull(it.result.prediction.high)),
          col((it) => it.result.prediction.outsideShare), col((it) => it.result.prediction.samples),
        ],
      );
    }
  });
  return out;
}

// node-postgres sends a Buffer parameter as binary; the codec's bytes are a Uint8Array view
const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

// Whether the server compresses with lz4 (PostgreSQL 14+, built with it). The checkpoints written
// by persistQuiet are compressed with it (SET LOCAL, that transaction only): with pglz the
// update of 500 apps with 34 checkpoints took 55–110 ms longer (docs/detection.md, "On
// PostgreSQL"); a value reads back the same whichever method stored it.
let lz4Known: boolean | undefined;
async function lz4(c: pg.PoolClient): Promise<boolean> {
  if (lz4Known === undefined) {
    const r = await c.query<{ ok: boolean }>(`SELECT COALESCE('lz4' = ANY(enumvals), false) AS "ok" FROM pg_settings WHERE name = 'default_toast_compression'`);
    lz4Known = r.rows[0]?.ok === true;
  }
  return lz4Known;
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);
const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Says in `out` which states' recount differed (their lateSeq was raised: rebuilt on the next tick). */
function markSlipped(slipped: string[], out: Map<string, QuietOutcome>): void {
  for (const appRef of slipped) {
    const o = out.get(appRef);
    if (o && o !== "conflict") o.slipped = true;
  }
}

/** The still-open findings of the apps written: their latest observation and window end. */
function stillOpenRefresh(winners: QuietItem[], timestamp: (iso: string) => string): { id: string; observed: number; windowTo: string }[] {
  const refresh: { id: string; observed: number; windowTo: string }[] = [];
  for (const it of winners) {
    const open = it.app.findings.map((f) => ({ ...f, detector: f.detector as FindingDetectorName }));
    for (const { previous, current } of reconcileFindings<Open>(open, it.result.findings).stillOpen) {
      refresh.push({ id: previous.id, observed: finite(current.observed), windowTo: timestamp(new Date(current.window.to).toISOString()) });
    }
  }
  return refresh;
}
