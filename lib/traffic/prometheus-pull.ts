import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "@/lib/ownership/audit";
import { appIdSchema } from "@/lib/validation/ownership";
import { writeSamples, type Row } from "./ingest";
import { prometheusApi, type Matrix } from "./prometheus-api";

const MAX_POINTS = 10_000;

export type PullSettings = { url: string; label: string; defaultTeam: string; queryTemplate: string; lookbackDays: number; stepSeconds: number };

export function pullSettings(): PullSettings | null {
  const e = env();
  if (!e.PROMETHEUS_URL) return null;
  return { url: e.PROMETHEUS_URL, label: e.PROMETHEUS_APP_LABEL, defaultTeam: e.PROMETHEUS_DEFAULT_TEAM, queryTemplate: e.GRAFANA_QUERY_TEMPLATE, lookbackDays: e.DETECTION_LOOKBACK_DAYS, stepSeconds: 60 };
}

// Pull mode (PROMETHEUS_URL set): appIDs come from a label's values; apps not in the registry
// yet are listed as unowned in PROMETHEUS_DEFAULT_TEAM, so someone can claim them.
export async function discoverApps(p: PullSettings | null = pullSettings()): Promise<string[]> {
  if (!p) return [];
  const api = prometheusApi(p.url);
  const values = await api.labelValues(p.label);
  const candidates = values.filter((v) => appIdSchema.safeParse(v).success);
  const known = new Set((await db().app.findMany({ where: { appId: { in: candidates } }, select: { appId: true } })).map((a) => a.appId));
  const fresh = candidates.filter((v) => !known.has(v));
  if (fresh.length === 0) return [];
  const team = await db().team.upsert({ where: { slug: p.defaultTeam }, create: { slug: p.defaultTeam, name: p.defaultTeam }, update: {} });
  const created: string[] = [];
  for (const appId of fresh) {
    await db().$transaction(async (tx) => {
      const exists = await tx.app.findUnique({ where: { appId }, select: { id: true } });
      if (exists) return;
      const app = await tx.app.create({ data: { appId, name: appId, teamId: team.id, searchText: appId, description: `Discovered in Prometheus (label ${p.label})` } });
      await audit(tx, { appRef: app.id, actorId: null, action: "app.discovered", after: { appId, team: team.slug } });
      await enqueue(tx, "grafana.app", [appId]);
      created.push(appId);
    });
  }
  return created;
}

// Reads each app's series with query_range (the same query template as the Grafana rules) from
// just after its latest stored sample, and stores it like pushed traffic.
export async function pullTraffic(now = Date.now(), p: PullSettings | null = pullSettings()): Promise<number> {
  if (!p) return 0;
  const api = prometheusApi(p.url);
  // only apps Prometheus has series for: one label-values call instead of a query per app
  const present = await api.labelValues(p.label);
  const apps = await db().app.findMany({ where: { appId: { in: present } }, select: { id: true, appId: true } });
  const latest = await db().trafficSample.groupBy({ by: ["appRef"], _max: { ts: true } });
  const lastOf = new Map(latest.map((l) => [l.appRef, l._max.ts === null ? null : Number(l._max.ts)]));
  let written = 0;
  for (const app of apps) {
    const last = lastOf.get(app.id) ?? null;
    const start = Math.max(last === null ? 0 : last + p.stepSeconds * 1000, now - p.lookbackDays * 86_400_000);
    if (start > now) continue;
    const query = p.queryTemplate.replaceAll("$appId", app.appId);
    const rows: Row[] = [];
    // Prometheus answers at most 11,000 points per series and query: ask in windows below that
    const windowMs = MAX_POINTS * p.stepSeconds * 1000;
    for (let from = start; from <= now; from += windowMs) {
      const to = Math.min(now, from + windowMs - p.stepSeconds * 1000);
      const matrix: Matrix = await api.queryRange(query, from / 1000, to / 1000, p.stepSeconds);
      for (const series of matrix) for (const [t, v] of series.values) {
        const value = Number(v);
        if (Number.isFinite(value) && value >= 0) rows.push({ appRef: app.id, ts: Math.round(t * 1000), value });
      }
    }
    await writeSamples(rows);
    written += rows.length;
  }
  return written;
}
