import "server-only";
import { sqliteConnection } from "@/lib/db/client";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { AppError, forbidden } from "@/lib/errors";
import { isPlainSample, sampleSchema } from "@/lib/validation/traffic";
import { describeIssues } from "@/lib/validation/field-errors";
import { statement } from "./sqlite";
import { pgBulk, writeSamples, type Row } from "./write";

const VALIDATION_SLICE = 2_000;

export type Rejected = { index: number; appId: string | null; error: string };

/** Who is pushing may write this app's traffic (lib/traffic/push-access.ts decides). */
export type MayPush = (app: { teamId: string; ownerId: string | null; backupId: string | null }) => boolean;

// At most this many rejections are listed (with appIds cut to 200 characters): a huge bad
// push must not come back as a huge answer. `rejectedCount` has them all.
const MAX_LISTED = 1_000;

// Validates each sample, maps appIds to apps with one query, then stores them (lib/traffic/write.ts):
// a re-sent (app, ts) replaces the earlier value instead of adding a duplicate.
// Samples of apps the pusher may not write are rejected; when nothing was accepted and some
// were refused for that reason, the whole push is a 403; when not one sample was usable, a 422.
export async function ingestSamples(samples: unknown[], mayPush: MayPush = () => true): Promise<{ accepted: number; rejected: Rejected[]; rejectedCount: number }> {
  const rejected: Rejected[] = [];
  // the valid samples and their indexes in the push; a plain sample is kept as parsed (no copy)
  const valid: { appId: string; ts: number; value: number }[] = [];
  const validIndex: number[] = [];
  for (let index = 0; index < samples.length; index++) {
    // a big push is validated in slices, with the event loop running in between
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToLoop();
    const raw = samples[index];
    if (isPlainSample(raw)) {
      valid.push(raw);
      validIndex.push(index);
      continue;
    }
    const r = sampleSchema.safeParse(raw);
    if (!r.success) {
      const appId = typeof raw === "object" && raw && typeof (raw as { appId?: unknown }).appId === "string" ? (raw as { appId: string }).appId : null;
      rejected.push({ index, appId: appId?.slice(0, 200) ?? null, error: describeIssues(r.error.issues, { root: "sample" }).slice(0, 500) });
      continue;
    }
    const ts = typeof r.data.ts === "number" ? r.data.ts : Date.parse(r.data.ts);
    valid.push({ appId: r.data.appId, ts, value: r.data.value });
    validIndex.push(index);
  }
  const ids = new Set<string>();
  for (const s of valid) ids.add(s.appId);
  const byId = new Map<string, { ref: string; allowed: boolean }>();
  for (const a of await appsByAppId([...ids])) {
    byId.set(a.appId, { ref: a.id, allowed: mayPush({ teamId: a.teamId, ownerId: a.ownerId, backupId: a.backupId }) });
  }
  const rows: Row[] = [];
  const sources: number[] = [];
  let refused = 0;
  for (let v = 0; v < valid.length; v++) {
    if (v > 0 && v % VALIDATION_SLICE === 0) await yieldToLoop();
    const s = valid[v] as { appId: string; ts: number; value: number };
    const index = validIndex[v] as number;
    const app = byId.get(s.appId);
    if (!app) rejected.push({ index, appId: s.appId, error: "unknown app" });
    else if (!app.allowed) {
      refused += 1;
      rejected.push({ index, appId: s.appId, error: "you may not push traffic for this app" });
    } else {
      rows.push({ appRef: app.ref, ts: s.ts, value: s.value });
      sources.push(v);
    }
  }
  if (rows.length === 0 && refused > 0) {
    throw forbidden("You may push traffic only for apps you edit (owner, backup, the team's lead, admins) or with an ingest token for their team");
  }
  if (rows.length === 0) {
    // not one usable sample: a 422 naming the first few, not a 202 that stored nothing
    rejected.sort((a, b) => a.index - b.index);
    const fields = Object.fromEntries(rejected.slice(0, 20).map((r) => [`samples.${r.index}`, r.error]));
    throw new AppError("validation_failed", `No sample could be stored (${rejected.length} rejected)`, fields);
  }
  const { final } = await writeSamples(rows);
  for (const k of final) {
    const v = sources[k] as number;
    rejected.push({ index: validIndex[v] as number, appId: (valid[v] as { appId: string }).appId, error: "ts is in a period already rolled up (older than the raw window): it can no longer be changed" });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: rows.length - final.length, rejected: rejected.slice(0, MAX_LISTED), rejectedCount: rejected.length };
}

type PushApp = { id: string; appId: string; teamId: string; ownerId: string | null; backupId: string | null };

// The apps of a push with what mayPush needs, in one statement with the appIds as one parameter
// (a JSON array on SQLite, a text[] on PostgreSQL): a push names up to 50,000 samples of as many
// apps, and Prisma's findMany with the ownership relation took two statements of one bound
// parameter per appId and its result mapping on the event loop.
const APPS_SQLITE = `SELECT a."id", a."appId", a."teamId", o."ownerId", o."backupId" FROM "App" a LEFT JOIN "Ownership" o ON o."appRef" = a."id"
  WHERE a."appId" IN (SELECT "value" FROM json_each(?))`;
const APPS_PG = `SELECT a."id", a."appId", a."teamId", o."ownerId", o."backupId" FROM "App" a LEFT JOIN "Ownership" o ON o."appRef" = a."id"
  WHERE a."appId" = ANY($1::text[])`;

async function appsByAppId(appIds: string[]): Promise<PushApp[]> {
  if (appIds.length === 0) return [];
  const conn = await sqliteConnection();
  if (conn) return statement(conn, APPS_SQLITE).all(JSON.stringify(appIds)) as PushApp[];
  return (await pgBulk<PushApp>(APPS_PG, [appIds])).rows;
}
