import "server-only";
import { env } from "@/lib/env";
import { runDetectionTick } from "@/lib/findings/run-detection";
import { pruneShards } from "@/lib/findings/shards";
import { warmUpDetection, warmUpSettled } from "@/lib/findings/warm-up";
import { detectionMetrics } from "@/lib/metrics/registry";
import { deliverDue } from "@/lib/notify/deliver";
import { escalateDue } from "@/lib/notify/escalate";
import { syncSilences } from "@/lib/notify/silences";
import { appendDemoTraffic } from "@/lib/traffic/demo-writer";
import { maintainTraffic } from "@/lib/traffic/retention";
import { discoverApps, pullTraffic } from "@/lib/traffic/prometheus-pull";
import { drainOutbox } from "@/lib/grafana-sync/drain";
import { reconcileGrafana } from "@/lib/grafana-sync/reconcile";
import { getGrafana } from "@/lib/grafana/server";
import { runStewardshipDaily } from "@/lib/ownership/stewardship-jobs";
import { pruneLeases } from "./lease";
import { startJobs, type Job } from "./scheduler";

const g = globalThis as unknown as { portalSchedulerStop?: () => void };

// Started once per server process (instrumentation.ts). Jobs that must run once per interval
// across replicas are exclusive (database lease per slot).
export function startScheduler(): void {
  const e = env();
  if (!e.SCHEDULER_ENABLED || g.portalSchedulerStop) return;
  // the detector states are restored into this process before its first tick, in slices between
  // requests (lib/findings/warm-up.ts); the first tick waits for that, at most one interval
  void warmUpDetection().then((w) => {
    console.log(`[detection] start-up restore: ${w.restored} of ${w.apps} detector states in ${Math.round(w.ms)} ms${w.stopped ? " (stopped early)" : ""}`);
  });
  const jobs: Job[] = [
    {
      name: "detection",
      intervalMs: e.DETECTION_INTERVAL_SECONDS * 1000,
      // every replica takes part: a tick is split into shards that replicas claim one at a time
      // (lib/findings/shards.ts); ticks start at the slot boundary on every replica
      exclusive: false,
      aligned: true,
      run: async () => {
        await warmUpSettled(e.DETECTION_INTERVAL_SECONDS * 1000);
        return runDetectionTick();
      },
      // portal_detection_runs_total{outcome="skipped"}: a tick that found the last pass still running
      onSkipped: () => detectionMetrics().runs.inc({ outcome: "skipped" }),
    },
    // escalation and delivery are claim-safe (conditional updates), so every replica may run them
    {
      name: "notifications",
      intervalMs: e.NOTIFY_INTERVAL_SECONDS * 1000,
      exclusive: false,
      run: async () => {
        await syncSilences();
        await escalateDue();
        await deliverDue();
      },
    },
    {
      name: "retention",
      intervalMs: 3_600_000,
      exclusive: true,
      run: async () => {
        await maintainTraffic();
        await pruneLeases();
        await pruneShards();
      },
    },
    // daily work run hourly: today's coverage snapshot per team (upsert) and, once per UTC day,
    // the "still yours?" / stale-apps reminders (lib/ownership/stewardship-jobs.ts)
    { name: "stewardship", intervalMs: 3_600_000, exclusive: true, run: () => runStewardshipDaily() },
  ];
  if (e.PROMETHEUS_URL) {
    jobs.push({ name: "prometheus-discovery", intervalMs: 300_000, exclusive: true, run: () => discoverApps() });
    jobs.push({ name: "prometheus-pull", intervalMs: 60_000, exclusive: true, run: () => pullTraffic() });
  }
  if (getGrafana()) {
    // the drain claims each task row before pushing, so every replica may run it
    jobs.push({ name: "grafana-outbox", intervalMs: 15_000, exclusive: false, run: () => drainOutbox() });
    jobs.push({ name: "grafana-reconcile", intervalMs: 300_000, exclusive: true, run: () => reconcileGrafana() });
  }
  if (e.DEMO_MODE) jobs.push({ name: "demo-traffic", intervalMs: 60_000, exclusive: true, run: () => appendDemoTraffic() });
  g.portalSchedulerStop = startJobs(jobs);
  console.log(`[scheduler] started: ${jobs.map((j) => `${j.name} every ${j.intervalMs / 1000}s`).join(", ")}`);
}
