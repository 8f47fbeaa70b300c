import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import pkg from "@/package.json";
import { SnapshotGauge } from "./snapshot-gauge";
import { DETECTORS, SEVERITIES, fillDbGauges, type DbGauges, type DbSnapshot } from "./db-snapshot";

// Every metric the portal exports, in one prom-client registry kept on globalThis so Next's
// several server bundles and dev hot reload share it (never `register.clear()`).
// docs/metrics.md describes each one; the names are a contract with dashboards and alerts.

export const DETECTION_STAGES = ["load", "prepare", "expected", "crash", "trend", "threshold", "anomaly", "persist", "notify"] as const;
export type DetectionStage = (typeof DETECTION_STAGES)[number];
export type RunOutcome = "ok" | "error" | "skipped";

// Detection stages run in well under a millisecond per app and up to seconds per run.
const STAGE_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
// Acknowledgement takes from seconds (someone watching) to hours (woken up at night).
const ACK_BUCKETS = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200];
// A tick is one pass over the apps: milliseconds for a few apps, minutes for a fleet that outgrew it.
const TICK_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Typed views other code records through; label names and values are checked by tsc. */
export type DetectionMetrics = {
  stageDuration: { observe(labels: { stage: DetectionStage }, seconds: number): void };
  runs: { inc(labels: { outcome: RunOutcome }, value?: number): void };
  /** Findings opened; detector crash|trend|threshold|anomaly, severity critical|warning|info. */
  findings: { inc(labels: { detector: string; severity: string }, value?: number): void };
  /** One tick of this process (all the shards it took of that tick), start to end. */
  tickDuration: { observe(seconds: number): void };
  /** Apps evaluated (state stepped or rebuilt, findings written) by this process. */
  appsEvaluated: { inc(value?: number): void };
  /** States rebuilt from history, by reason (lib/findings/detector-state.ts RebuildReason). */
  stateRebuilds: { inc(labels: { reason: string }, value?: number): void };
  /** The time (epoch ms) up to which every app's samples were read by a finished tick. */
  setEvaluatedThrough(ms: number): void;
};
/** channel e.g. webhook|email; outcome e.g. sent|failed|skipped (see docs/metrics.md). */
export type NotificationMetrics = { sent: { inc(labels: { channel: string; outcome: string }, value?: number): void } };
/** outcome: ok | retry | failed, per task (lib/grafana-sync/metrics.ts). */
export type GrafanaMetrics = { sync: { inc(labels: { outcome: string }, value?: number): void } };
/** Acknowledgement delay by severity; escalation steps taken by step number (1..5). */
export type OncallMetrics = {
  ackSeconds: { observe(labels: { severity: string }, seconds: number): void };
  escalations: { inc(labels: { step: string }, value?: number): void };
};
export type HttpMetrics = {
  requestDuration: { observe(labels: { route: string; method: string; status_class: string }, seconds: number): void };
};

type DbSource = () => Promise<DbSnapshot>;

function create() {
  const registry = new Registry();
  const registers = [registry];
  let source: DbSource | undefined;
  let inflight: Promise<void> | undefined;

  // Every database gauge's collect() awaits the same refresh, so a scrape reads the database
  // once (registry.metrics() starts all collects together) and all gauges show one snapshot.
  const refresh = (): Promise<void> => {
    if (!source) return Promise.resolve();
    const load = source;
    inflight ??= load()
      .then((snapshot) => fillDbGauges(db, snapshot, new Date()))
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
  const collect = () => refresh();
  const perApp = (name: string, help: string) => new SnapshotGauge({ name, help, labelNames: ["app_id"] as const, registers, collect });

  const stageDuration = new Histogram({
    name: "portal_detection_stage_duration_seconds",
    help: "Time spent in each stage of a detection run",
    labelNames: ["stage"] as const,
    buckets: STAGE_BUCKETS,
    registers,
  });
  const runs = new Counter({ name: "portal_detection_runs_total", help: "Detection runs by outcome (ok, error, skipped)", labelNames: ["outcome"] as const, registers });
  const findings = new Counter({ name: "portal_detection_findings_total", help: "Findings opened by the detection", labelNames: ["detector", "severity"] as const, registers });
  const tickDuration = new Histogram({
    name: "portal_detection_tick_duration_seconds",
    help: "Duration of a detection tick in this process (the shards it evaluated), start to end",
    buckets: TICK_BUCKETS,
    registers,
  });
  const appsEvaluated = new Counter({ name: "portal_detection_apps_evaluated_total", help: "Apps evaluated by the detection in this process", registers });
  const stateRebuilds = new Counter({
    name: "portal_detection_state_rebuilds_total",
    help: "Detector states rebuilt from history, by reason (missing, version, settings, late, stale, step, unreadable)",
    labelNames: ["reason"] as const,
    registers,
  });
  let evaluatedThrough: number | null = null;
  new Gauge({
    name: "portal_detection_lag_seconds",
    help: "Age of the oldest sample not yet evaluated (upper bound): now minus the time up to which the last finished tick read every app",
    registers,
    collect() {
      this.set(evaluatedThrough === null ? 0 : Math.max(0, (Date.now() - evaluatedThrough) / 1000));
    },
  });
  const notifications = new Counter({ name: "portal_notifications_total", help: "Notifications by channel and outcome", labelNames: ["channel", "outcome"] as const, registers });
  const grafanaSync = new Counter({ name: "portal_grafana_sync_total", help: "Grafana sync attempts by outcome", labelNames: ["outcome"] as const, registers });
  const ackSeconds = new Histogram({
    name: "portal_finding_ack_seconds",
    help: "Time from a finding opening to its acknowledgement, by severity",
    labelNames: ["severity"] as const,
    buckets: ACK_BUCKETS,
    registers,
  });
  const escalations = new Counter({
    name: "portal_escalations_total",
    help: "Escalation steps taken for unacknowledged critical findings, by step of the team's policy",
    labelNames: ["step"] as const,
    registers,
  });
  const requestDuration = new Histogram({
    name: "portal_http_request_duration_seconds",
    help: "API request duration by route pattern, method and status class",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: HTTP_BUCKETS,
    registers,
  });
  const buildInfo = new Gauge({ name: "portal_build_info", help: "Portal build; the value is always 1", labelNames: ["version"] as const, registers });
  buildInfo.set({ version: pkg.version }, 1);

  const db: DbGauges = {
    apps: new Gauge({ name: "portal_apps", help: "Apps per team and ownership state", labelNames: ["team", "state"] as const, registers, collect }),
    openFindings: new Gauge({ name: "portal_detection_open_findings", help: "Findings open now", labelNames: ["detector", "severity"] as const, registers, collect }),
    anomalyScore: perApp("portal_app_anomaly_score", "Anomaly score of the app's latest sample (0-1)"),
    trendPerDay: perApp("portal_app_traffic_trend_per_day", "Traffic trend as a fraction per day (-0.02 = losing 2 %/day)"),
    expected: perApp("portal_app_traffic_expected", "Traffic the detection expected for the latest sample (req/s)"),
    predictionLow: perApp("portal_app_traffic_prediction_low", "Lower end of the 99 % prediction interval for the latest sample (req/s)"),
    predictionHigh: perApp("portal_app_traffic_prediction_high", "Upper end of the 99 % prediction interval for the latest sample (req/s)"),
    predictionOutsideRatio: perApp("portal_app_prediction_outside_ratio", "Share of the last week's samples that fell outside their 99 % prediction interval (calibration; about 0.01 when the detector's model fits)"),
    thresholdFloor: perApp("portal_app_threshold_floor", "Enabled traffic floor of the app's current thresholds (req/s)"),
    thresholdCeiling: perApp("portal_app_threshold_ceiling", "Enabled traffic ceiling of the app's current thresholds (req/s)"),
    ownerInfo: new SnapshotGauge({
      name: "portal_app_owner_info",
      help: "Who owns and answers for each app (emails, empty when none); the value is always 1",
      labelNames: ["app_id", "team", "owner", "backup", "responder"] as const,
      registers,
      collect,
    }),
    appOpenFindings: new SnapshotGauge({
      name: "portal_app_open_finding",
      help: "One series per open finding (value 1), so alert rules can match an app's crash or trend",
      labelNames: ["app_id", "detector", "severity"] as const,
      registers,
      collect,
    }),
    grafanaSyncPending: new Gauge({ name: "portal_grafana_sync_pending", help: "Grafana outbox tasks not finished: pending, running or failed awaiting retry", registers, collect }),
    grafanaDriftedRules: new Gauge({ name: "portal_grafana_drifted_rules", help: "Apps whose Grafana rules drifted from the portal's desired state", registers, collect }),
    grafanaLastSyncSuccess: new Gauge({
      name: "portal_grafana_last_sync_success_timestamp_seconds",
      help: "Unix time of the last successful Grafana sync (0 = never)",
      registers,
      collect,
    }),
  };

  // Series that exist before the first event, so rate() and alerts see 0 rather than nothing.
  for (const stage of DETECTION_STAGES) stageDuration.zero({ stage });
  for (const outcome of ["ok", "error", "skipped"] as const) runs.inc({ outcome }, 0);
  appsEvaluated.inc(0);
  for (const reason of ["missing", "version", "settings", "late", "stale", "step", "unreadable"]) stateRebuilds.inc({ reason }, 0);
  for (const detector of DETECTORS) for (const severity of SEVERITIES) findings.inc({ detector, severity }, 0);
  for (const severity of SEVERITIES) ackSeconds.zero({ severity });

  // Node's process metrics under their usual names (see docs/metrics.md on promtool).
  collectDefaultMetrics({ register: registry });

  return {
    registry,
    detection: {
      stageDuration, runs, findings, tickDuration, appsEvaluated, stateRebuilds,
      setEvaluatedThrough(ms: number) {
        evaluatedThrough = Math.max(evaluatedThrough ?? ms, ms);
      },
    } satisfies DetectionMetrics,
    notification: { sent: notifications } satisfies NotificationMetrics,
    grafana: { sync: grafanaSync } satisfies GrafanaMetrics,
    http: { requestDuration } satisfies HttpMetrics,
    oncall: { ackSeconds, escalations } satisfies OncallMetrics,
    db,
    setDatabaseSource(next: DbSource | undefined) {
      source = next;
    },
  };
}

type PortalMetrics = ReturnType<typeof create>;
const globalForMetrics = globalThis as unknown as { portalMetrics?: PortalMetrics };

/** The process's one metrics registry and its metrics. */
export function portalMetrics(): PortalMetrics {
  globalForMetrics.portalMetrics ??= create();
  return globalForMetrics.portalMetrics;
}

export const detectionMetrics = (): DetectionMetrics => portalMetrics().detection;
export const notificationMetrics = (): NotificationMetrics => portalMetrics().notification;
export const grafanaMetrics = (): GrafanaMetrics => portalMetrics().grafana;
export const httpMetrics = (): HttpMetrics => portalMetrics().http;
export const oncallMetrics = (): OncallMetrics => portalMetrics().oncall;
