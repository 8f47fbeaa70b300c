import "server-only";
import { db } from "@/lib/db/client";
import { DEFAULT_QUERY_TEMPLATE, env } from "@/lib/env";
import { createApp } from "@/lib/ownership/create-app";
import { appIdSchema } from "@/lib/validation/ownership";
import { newestStored } from "./history";
import { prometheusApi, type Matrix } from "./prometheus-api";
import { writeSamples, type Row } from "./write";

// Prometheus answers at most 11,000 points per series and query; a grouped query also stays
// under this many points in all (Prometheus' default query.max-samples is 50 M loaded samples).
const MAX_POINTS = 10_000;
const GROUPED_MAX_POINTS = 1_000_000;
// A grouped pull starts this far before the newest stored sample, for scrapes that came in late.
const OVERLAP_MS = 10 * 60_000;

export type PullSettings = {
  url: string;
  label: string;
  defaultTeam: string;
  queryTemplate: string;
  /** PromQL for every app at once, one series per app carrying `label`; null: one query per app. */
  groupedQuery: string | null;
  lookbackDays: number;
  stepSeconds: number;
};

/** The grouped form of the default per-app query (GRAFANA_QUERY_TEMPLATE's default). */
export const defaultGroupedQuery = (label: string) => `sum by (${label}) (rate(http_requests_total{${label}!=""}[5m]))`;

export function pullSettings(): PullSettings | null {
  const e = env();
  if (!e.PROMETHEUS_URL) return null;
  const derived = e.GRAFANA_QUERY_TEMPLATE === DEFAULT_QUERY_TEMPLATE && e.PROMETHEUS_APP_LABEL === "app" ? defaultGroupedQuery("app") : null;
  return {
    url: e.PROMETHEUS_URL, label: e.PROMETHEUS_APP_LABEL, defaultTeam: e.PROMETHEUS_DEFAULT_TEAM, queryTemplate: e.GRAFANA_QUERY_TEMPLATE,
    groupedQuery: e.PROMETHEUS_GROUPED_QUERY ?? derived, lookbackDays: e.DETECTION_LOOKBACK_DAYS, stepSeconds: 60,
  };
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
      await createApp(
        tx,
        { appId, name: appId, teamId: team.id, description: `Discovered in Prometheus (label ${p.label})` },
        { actorId: null, action: "app.discovered", after: { appId, team: team.slug } },
      );
      created.push(appId);
    });
  }
  return created;
}

type Target = { id: string; appId: string; from: number };

/** Reads [from, to] in windows of `points` steps each; `take` gets each window's matrix. */
async function inWindows(p: PullSettings, query: string, from: number, to: number, points: number, take: (m: Matrix) => Promise<void>) {
  const api = prometheusApi(p.url);
  const stepMs = p.stepSeconds * 1000;
  const windowMs = points * stepMs;
  for (let start = from; start <= to; start += windowMs) {
    const end = Math.min(to, start + windowMs - stepMs);
    await take(await api.queryRange(query, start / 1000, end / 1000, p.stepSeconds));
  }
}

function rowsOf(series: Matrix[number], t: Target, out: Row[]) {
  for (const [ts, v] of series.values) {
    const value = Number(v);
    const ms = Math.round(ts * 1000);
    if (ms >= t.from && Number.isFinite(value) && value >= 0) out.push({ appRef: t.id, ts: ms, value });
  }
}

/**
 * Stores what Prometheus has that the portal has not, for every app Prometheus has a series of.
 * Each app's watermark is its newest stored sample (newestStored: one primary-key seek per app on
 * the raw samples, no scan or GROUP BY; the detector state's watermark would be cheaper still but
 * lags what is stored until the next tick, so pulling from it would re-send those samples). With a
 * grouped query, all apps that already have traffic are read together: one query_range per window
 * (usually one a minute), from shortly before the newest stored sample of any app, keeping per
 * app only samples newer than its own watermark. Apps without any traffic yet are read per app
 * (once: afterwards they are caught up) — unless no app has traffic, then the grouped query reads
 * the whole look-back for all. Without a grouped query every app is one query_range per window.
 */
export async function pullTraffic(now = Date.now(), p: PullSettings | null = pullSettings()): Promise<number> {
  if (!p) return 0;
  const api = prometheusApi(p.url);
  // only apps Prometheus has series for: one label-values call instead of a query per app
  const present = await api.labelValues(p.label);
  const apps = await db().app.findMany({ where: { appId: { in: present } }, select: { id: true, appId: true } });
  const newestOf = await newestStored(apps.map((a) => a.id));
  const stepMs = p.stepSeconds * 1000;
  const floor = now - p.lookbackDays * 86_400_000;
  const targets: Target[] = apps.map((a) => {
    const last = newestOf.get(a.id);
    return { id: a.id, appId: a.appId, from: Math.max(last === undefined ? floor : last + stepMs, floor) };
  });
  let written = 0;
  const store = async (rows: Row[]) => (written += (await writeSamples(rows, now)).written);

  const perApp = p.groupedQuery ? targets.filter((t) => !newestOf.has(t.id) && newestOf.size > 0) : targets;
  const grouped = p.groupedQuery ? targets.filter((t) => !perApp.includes(t)) : [];
  for (const t of perApp) {
    if (t.from > now) continue;
    await inWindows(p, p.queryTemplate.replaceAll("$appId", t.appId), t.from, now, MAX_POINTS, async (m) => {
      const rows: Row[] = [];
      m.forEach((s) => rowsOf(s, t, rows));
      await store(rows);
    });
  }
  if (p.groupedQuery && grouped.length > 0) {
    const newest = Math.max(...newestOf.values());
    const from = Math.max(Math.min(...grouped.map((t) => t.from)), Number.isFinite(newest) ? newest + stepMs - OVERLAP_MS : floor);
    const byAppId = new Map(grouped.map((t) => [t.appId, t]));
    const points = Math.max(1, Math.min(MAX_POINTS, Math.floor(GROUPED_MAX_POINTS / grouped.length)));
    if (from <= now) {
      await inWindows(p, p.groupedQuery, from, now, points, async (m) => {
        const rows: Row[] = [];
        for (const s of m) {
          const t = byAppId.get(s.metric[p.label] ?? "");
          if (t) rowsOf(s, t, rows);
        }
        await store(rows);
      });
    }
  }
  return written;
}
