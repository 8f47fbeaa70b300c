import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { placeholders } from "@/lib/db/sql";

// Traffic rows carry a small integer per app (TrafficSeries.key) instead of the app's cuid.
// A key is created the first time an app gets traffic and never changes or gets reused, so the
// process keeps the mapping it has seen.
const g = globalThis as unknown as { portalTrafficKeys?: { url: string; keys: Map<string, number> } };

function known(): Map<string, number> {
  const url = env().DATABASE_URL;
  if (g.portalTrafficKeys?.url !== url) g.portalTrafficKeys = { url, keys: new Map() };
  return g.portalTrafficKeys.keys;
}

const CHUNK = 500;

async function lookup(appRefs: string[], into: Map<string, number>): Promise<void> {
  for (let i = 0; i < appRefs.length; i += CHUNK) {
    const chunk = appRefs.slice(i, i + CHUNK);
    const rows = await db().trafficSeries.findMany({ where: { appRef: { in: chunk } }, select: { key: true, appRef: true } });
    for (const r of rows) into.set(r.appRef, r.key);
  }
}

/** Keys of these apps (ids of App rows); with `create`, apps without one get one (insert-or-ignore). */
export async function seriesKeys(appRefs: string[], create: boolean): Promise<Map<string, number>> {
  const cache = known();
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const ref of new Set(appRefs)) {
    const key = cache.get(ref);
    if (key === undefined) missing.push(ref);
    else out.set(ref, key);
  }
  if (missing.length === 0) return out;
  const found = new Map<string, number>();
  await lookup(missing, found);
  const absent = missing.filter((r) => !found.has(r));
  if (create && absent.length > 0) {
    for (let i = 0; i < absent.length; i += CHUNK) {
      const chunk = absent.slice(i, i + CHUNK);
      const ph = placeholders(chunk.length);
      // two writers racing for one app: the unique appRef lets one insert win, the other reads it
      await db().$executeRawUnsafe(
        `INSERT INTO "TrafficSeries" ("appRef") VALUES ${ph.map((p) => `(${p})`).join(", ")} ON CONFLICT ("appRef") DO NOTHING`,
        ...chunk,
      );
    }
    await lookup(absent, found);
  }
  for (const [ref, key] of found) {
    cache.set(ref, key);
    out.set(ref, key);
  }
  return out;
}

/** Every app that has a traffic key: [appRef, key], in key order. */
export async function allSeriesKeys(): Promise<{ appRef: string; key: number }[]> {
  return db().trafficSeries.findMany({ select: { appRef: true, key: true }, orderBy: { key: "asc" } });
}
