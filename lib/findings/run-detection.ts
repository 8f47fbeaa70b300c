import "server-only";
import { env } from "@/lib/env";
import { detectApp, detectNoData, longestSilenceMs, prepareSeries, inferStepMs, DAY_MS, type Stage } from "@/lib/detection";
import { detectionMetrics } from "@/lib/metrics/registry";
import { deliverDue } from "@/lib/notify/deliver";
import { escalateDue } from "@/lib/notify/escalate";
import { pageNewFindings } from "@/lib/notify/page";
import { loadTraffic } from "@/lib/traffic/history";
import { loadAppsForDetection } from "./load-apps";
import { persistEvaluation } from "./persist";

export type RunSummary = { apps: number; evaluated: number; skipped: number; errors: number; opened: number; resolved: number; notifications: number; sent: number };

const seconds = (ms: number) => ms / 1000;
const ANOMALY_HOLD_MS = 3_600_000;

// One detection pass: per app load → prepare → detectors → persist, then notify. Every stage is
// observed in portal_detection_stage_duration_seconds, so the detection is measured like a service.
async function runOnce(appId: string | undefined, now: Date): Promise<RunSummary> {
  const m = detectionMetrics();
  const e = env();
  const apps = await loadAppsForDetection(appId);
  const s: RunSummary = { apps: apps.length, evaluated: 0, skipped: 0, errors: 0, opened: 0, resolved: 0, notifications: 0, sent: 0 };
  for (const app of apps) {
    try {
      let t = performance.now();
      const raw = await loadTraffic(app.id, now.getTime() - e.DETECTION_LOOKBACK_DAYS * DAY_MS, now.getTime() + 1);
      m.stageDuration.observe({ stage: "load" }, seconds(performance.now() - t));
      const n = raw.ts.length;
      if (n === 0) {
        s.skipped += 1;
        continue;
      }
      t = performance.now();
      const stepMs = inferStepMs(raw.ts);
      const lastTs = raw.ts[n - 1] as number;
      // No data is not zero: the series ends at the newest sample and long gaps stay missing (NaN);
      // silence after the newest sample is the no_data finding's, never a crash at 0 req/s.
      const series = prepareSeries(raw, { stepMs, to: lastTs, longGapValue: NaN });
      m.stageDuration.observe({ stage: "prepare" }, seconds(performance.now() - t));
      // The anomaly score fires once and is then muted; looking back an hour (at least one
      // interval) means a hit is seen by the passes of the next hour, so its finding stays open
      // that long instead of flickering for one pass, or being missed between two passes.
      const lookbackMs = Math.max(ANOMALY_HOLD_MS, e.DETECTION_INTERVAL_SECONDS * 1000);
      const result = detectApp(series, { appName: app.appId, thresholds: app.thresholdsForDetection, timed: true, evaluationIntervalMs: lookbackMs });
      const noData = detectNoData(lastTs, now.getTime(), stepMs, { appName: app.appId, recentLongestSilenceMs: longestSilenceMs(raw.ts) });
      if (noData) result.findings.push(noData);
      for (const [stage, ms] of Object.entries(result.timings ?? {})) m.stageDuration.observe({ stage: stage as Stage }, seconds(ms));
      t = performance.now();
      const out = await persistEvaluation(app, result, now);
      m.stageDuration.observe({ stage: "persist" }, seconds(performance.now() - t));
      for (const f of out.opened) m.findings.inc({ detector: f.detector, severity: f.severity });
      s.evaluated += 1;
      s.opened += out.opened.length;
      s.resolved += out.resolved;
      s.notifications += out.notifications;
    } catch (error) {
      s.errors += 1;
      console.error(`[detection] ${app.appId}:`, error);
    }
  }
  const t = performance.now();
  // who hears: the new findings of this tick together (fleet guard, silences), escalations,
  // then one message per person
  await pageNewFindings(now);
  await escalateDue(now);
  s.sent = (await deliverDue(new Date())).sent;
  m.stageDuration.observe({ stage: "notify" }, seconds(performance.now() - t));
  return s;
}

// Passes never overlap inside one process (a manual run waits for a scheduled one);
// across replicas the scheduler's database lease decides who runs a tick.
const globalRun = globalThis as unknown as { portalDetectionChain?: Promise<unknown> };

export async function runDetection(opts: { appId?: string; now?: Date } = {}): Promise<RunSummary> {
  const previous = globalRun.portalDetectionChain ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => runOnce(opts.appId, opts.now ?? new Date()));
  globalRun.portalDetectionChain = next;
  try {
    const summary = await next;
    detectionMetrics().runs.inc({ outcome: summary.errors > 0 ? "error" : "ok" });
    return summary;
  } catch (error) {
    detectionMetrics().runs.inc({ outcome: "error" });
    throw error;
  }
}
