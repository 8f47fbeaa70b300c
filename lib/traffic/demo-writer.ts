import "server-only";
import { db } from "@/lib/db/client";
import { DAY_MS } from "@/lib/detection";
import { trafficExtent } from "./history";
import { writeSamples, type Row } from "./write";
import { demoAppIds, demoSamples, DEMO_HISTORY_DAYS, DEMO_STEP_MS } from "./demo-traffic";

async function demoApps() {
  return db().app.findMany({ where: { appId: { in: demoAppIds() } }, select: { id: true, appId: true } });
}

// Fills the history of every demo app that has no traffic yet.
export async function seedDemoTraffic(now = Date.now()): Promise<number> {
  const rows: Row[] = [];
  const apps = await demoApps();
  const stored = await trafficExtent(apps.map((a) => a.id));
  for (const app of apps) {
    if (stored.has(app.id)) continue;
    const origin = now - DEMO_HISTORY_DAYS * DAY_MS;
    const s = demoSamples(app.appId, origin, origin, now, true);
    s.ts.forEach((ts, i) => rows.push({ appRef: app.id, ts, value: s.values[i] as number }));
  }
  await writeSamples(rows);
  return rows.length;
}

// Keeps the demo alive: appends the samples due since each app's latest one.
export async function appendDemoTraffic(now = Date.now()): Promise<number> {
  const apps = await demoApps();
  const rows: Row[] = [];
  const stored = await trafficExtent(apps.map((a) => a.id));
  for (const app of apps) {
    const extent = stored.get(app.id);
    if (!extent) continue;
    const last = extent.last;
    if (now - last < DEMO_STEP_MS) continue;
    const s = demoSamples(app.appId, extent.first, last + DEMO_STEP_MS, now, false);
    s.ts.forEach((ts, i) => rows.push({ appRef: app.id, ts, value: s.values[i] as number }));
  }
  await writeSamples(rows);
  return rows.length;
}
