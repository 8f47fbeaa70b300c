import "server-only";
import { db } from "@/lib/db/client";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { isPlainSample, sampleSchema } from "@/lib/validation/traffic";
import { writeSamples, type Row } from "./write";

const VALIDATION_SLICE = 5_000;

export type Rejected = { index: number; appId: string | null; error: string };

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "sample"} ${i.message}`).join("; ");
}

// Validates each sample, maps appIds to apps with one query, then stores them (lib/traffic/write.ts):
// a re-sent (app, ts) replaces the earlier value instead of adding a duplicate.
export async function ingestSamples(samples: unknown[]): Promise<{ accepted: number; rejected: Rejected[] }> {
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
      rejected.push({ index, appId, error: describe(r.error.issues) });
      continue;
    }
    const ts = typeof r.data.ts === "number" ? r.data.ts : Date.parse(r.data.ts);
    valid.push({ index, appId: r.data.appId, ts, value: r.data.value });
  }
  const ids = [...new Set(valid.map((s) => s.appId))];
  const apps = await db().app.findMany({ where: { appId: { in: ids } }, select: { id: true, appId: true } });
  const refOf = new Map(apps.map((a) => [a.appId, a.id]));
  const rows: Row[] = [];
  const sources: { index: number; appId: string }[] = [];
  for (const s of valid) {
    const appRef = refOf.get(s.appId);
    if (appRef) {
      rows.push({ appRef, ts: s.ts, value: s.value });
      sources.push(s);
    } else rejected.push({ index: s.index, appId: s.appId, error: `unknown app ${s.appId}` });
  }
  const { final } = await writeSamples(rows);
  for (const k of final) {
    const s = sources[k] as { index: number; appId: string };
    rejected.push({ index: s.index, appId: s.appId, error: "ts is in a period already rolled up (older than the raw window): it can no longer be changed" });
  }
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: rows.length - final.length, rejected };
}
