import "server-only";
import { db } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";
import { sampleSchema } from "@/lib/validation/traffic";

export type Rejected = { index: number; appId: string | null; error: string };
export type Row = { appRef: string; ts: number; value: number };

// Rows per INSERT: 3 parameters each keeps under SQLite's 32,766-variable limit (24,000).
const CHUNK = 8_000;

function describe(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "sample"} ${i.message}`).join("; ");
}

// Validates each sample, maps appIds to apps with one query, then upserts in batches in one
// transaction: a re-sent (app, ts) replaces the earlier value instead of adding a duplicate.
export async function ingestSamples(samples: unknown[]): Promise<{ accepted: number; rejected: Rejected[] }> {
  const rejected: Rejected[] = [];
  const valid: { index: number; appId: string; ts: number; value: number }[] = [];
  samples.forEach((raw, index) => {
    const r = sampleSchema.safeParse(raw);
    if (!r.success) {
      const appId = typeof raw === "object" && raw && typeof (raw as { appId?: unknown }).appId === "string" ? (raw as { appId: string }).appId : null;
      rejected.push({ index, appId, error: describe(r.error.issues) });
      return;
    }
    const ts = typeof r.data.ts === "number" ? r.data.ts : Date.parse(r.data.ts);
    valid.push({ index, appId: r.data.appId, ts, value: r.data.value });
  });
  const ids = [...new Set(valid.map((s) => s.appId))];
  const apps = await db().app.findMany({ where: { appId: { in: ids } }, select: { id: true, appId: true } });
  const refOf = new Map(apps.map((a) => [a.appId, a.id]));
  const rows: Row[] = [];
  for (const s of valid) {
    const appRef = refOf.get(s.appId);
    if (appRef) rows.push({ appRef, ts: s.ts, value: s.value });
    else rejected.push({ index: s.index, appId: s.appId, error: `unknown app ${s.appId}` });
  }
  await writeSamples(rows);
  rejected.sort((a, b) => a.index - b.index);
  return { accepted: rows.length, rejected };
}

export async function writeSamples(rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  await db().$transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const ph = placeholders(chunk.length * 3);
      const values = chunk.map((_, k) => `(${ph[3 * k]}, ${ph[3 * k + 1]}, ${ph[3 * k + 2]})`).join(", ");
      const params = chunk.flatMap((r) => [r.appRef, BigInt(Math.round(r.ts)), r.value]);
      await tx.$executeRawUnsafe(
        `INSERT INTO "TrafficSample" ("appRef", "ts", "value") VALUES ${values} ON CONFLICT ("appRef", "ts") DO UPDATE SET "value" = excluded."value"`,
        ...params,
      );
    }
  });
}
