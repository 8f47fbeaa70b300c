import "server-only";
import { db } from "@/lib/db/client";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { AppError, forbidden } from "@/lib/errors";
import { isPlainSample, sampleSchema } from "@/lib/validation/traffic";
import { describeIssues } from "@/lib/validation/field-errors";
import { writeSamples, type Row } from "./write";

const VALIDATION_SLICE = 5_000;

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
  const valid: { index: number; appId: string; ts: number; value: number }[] = [];
  for (let index = 0; index < samples.length; index++) {
    // a big push is validated in slices, with the event loop running in between
    if (index > 0 && index % VALIDATION_SLICE === 0) await yieldToLoop();
    const raw = samples[index];
    if (isPlainSample(raw)) {
      valid.push({ index, appId: raw.appId, ts: raw.ts, value: raw.value });
      continue;
    }
    const r = sampleSchema.safeParse(raw);
    if (!r.success) {
      const appId = typeof raw === "object" && raw && typeof (raw as { appId?: unknown }).appId === "string" ? (raw as { appId: string }).appId : null;
      rejected.push({ index, appId: appId?.slice(0, 200) ?? null, error: describeIssues(r.error.issues, { root: "sample" }).slice(0, 500) });
      continue;
    }
    const ts = typeof r.data.ts === "number" ? r.data.ts : Date.parse(r.data.ts);
    valid.push({ index, appId: r.data.appId, ts, value: r.data.value });
  }
  const ids = [...new Set(valid.map((s) => s.appId))];
  const apps = await db().app.findMany({
    where: { appId: { in: ids } },
    select: { id: true, appId: true, teamId: true, ownership: { select: { ownerId: true, backupId: true } } },
  });
  const byId = new Map(apps.map((a) => [a.appId, { ref: a.id, allowed: mayPush({ teamId: a.teamId, ownerId: a.ownership?.ownerId ?? null, backupId: a.ownership?.backupId ?? null }) }]));
  const rows: Row[] = [];
  const sources: { index: number; appId: string }[] = [];
  let refused = 0;
  for (const s of valid) {
    const app = byId.get(s.appId);
    if (!app) rejected.push({ index: s.index, appId: s.appId, error: "unknown app" });
    else if (!app.allowed) {
      refused += 1;
      rejected.push({ index: s.index, appId: s.appId, error: "you may not push traffic for this app" });
    } else {
      rows.push({ appRef: app.ref, ts: s.ts, value: s.value });
      sources.push(s);
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
    const s = sources[k] as { index: number; appId: string };
    rejected.push({ index: s.index, appId: s.appId, error: "ts is in a period already rolled up (older than the raw window): it can no longer be changed" });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: rows.length - final.length, rejected: rejected.slice(0, MAX_LISTED), rejectedCount: rejected.length };
}
