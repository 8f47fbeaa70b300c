import { afterEach, describe, expect, it, vi } from "vitest";
import pkg from "@/package.json";
import { parseExposition, select } from "./parse-exposition";
import { detectionMetrics, grafanaMetrics, notificationMetrics, portalMetrics } from "./registry";
import { fixtureSnapshot, FIXTURE_NOW } from "./fixture";

async function scrape() {
  return parseExposition(await portalMetrics().registry.metrics());
}
const value = (samples: ReturnType<typeof parseExposition>, name: string, labels: Record<string, string> = {}) =>
  select(samples, name, labels).map((s) => s.value);

afterEach(() => {
  portalMetrics().setDatabaseSource(undefined);
  vi.useRealTimers();
});

describe("portalMetrics", () => {
  it("is one registry per process, shared through globalThis", () => {
    expect(portalMetrics()).toBe(portalMetrics());
    expect((globalThis as { portalMetrics?: unknown }).portalMetrics).toBe(portalMetrics());
    expect(detectionMetrics()).toBe(portalMetrics().detection);
  });

  it("exports every stage, run outcome and detector before anything is recorded", async () => {
    const samples = await scrape();
    const stages = new Set(select(samples, "portal_detection_stage_duration_seconds_count").map((s) => s.labels.stage));
    expect([...stages].sort()).toEqual(["anomaly", "crash", "expected", "load", "notify", "persist", "prepare", "threshold", "trend"]);
    expect(select(samples, "portal_detection_runs_total")).toHaveLength(3);
    // 6 detectors (crash, trend, threshold, anomaly, no_data, source_down) × 3 severities
    expect(select(samples, "portal_detection_findings_total")).toHaveLength(18);
    expect(new Set(select(samples, "portal_finding_ack_seconds_count").map((s) => s.labels.severity))).toEqual(new Set(["critical", "warning", "info"]));
    expect(value(samples, "portal_build_info", { version: pkg.version })).toEqual([1]);
  });

  it("counts what the typed accessors record", async () => {
    const before = await scrape();
    detectionMetrics().stageDuration.observe({ stage: "crash" }, 0.0007);
    detectionMetrics().runs.inc({ outcome: "ok" });
    detectionMetrics().findings.inc({ detector: "crash", severity: "critical" });
    notificationMetrics().sent.inc({ channel: "webhook", outcome: "sent" });
    grafanaMetrics().sync.inc({ outcome: "ok" }, 2);
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (value(after, name, labels)[0] ?? 0) - (value(before, name, labels)[0] ?? 0);
    expect(delta("portal_detection_stage_duration_seconds_count", { stage: "crash" })).toBe(1);
    expect(delta("portal_detection_stage_duration_seconds_bucket", { stage: "crash", le: "0.001" })).toBe(1);
    expect(delta("portal_detection_stage_duration_seconds_bucket", { stage: "crash", le: "0.0005" })).toBe(0);
    expect(delta("portal_detection_runs_total", { outcome: "ok" })).toBe(1);
    expect(delta("portal_detection_findings_total", { detector: "crash", severity: "critical" })).toBe(1);
    expect(delta("portal_notifications_total", { channel: "webhook", outcome: "sent" })).toBe(1);
    expect(delta("portal_grafana_sync_total", { outcome: "ok" })).toBe(2);
  });
});

describe("database gauges", () => {
  it("show apps per team and state, including zero states and teams without apps", async () => {
    vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ["Date"] });
    portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
    const s = await scrape();
    const apps = (team: string, state: string) => value(s, "portal_apps", { team, state });
    expect([apps("payments", "owned"), apps("payments", "unowned"), apps("payments", "owner_away"), apps("payments", "unreachable")]).toEqual([[2], [1], [0], [0]]);
    expect([apps("search", "owned"), apps("search", "unowned"), apps("search", "owner_away"), apps("search", "unreachable")]).toEqual([[0], [1], [1], [1]]);
    expect(select(s, "portal_apps", { team: "empty" }).map((x) => x.value)).toEqual([0, 0, 0, 0]);
  });

  it("label each app with owner, backup and the responder derived from availability", async () => {
    vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ["Date"] });
    portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
    const s = await scrape();
    const info = (appId: string) => select(s, "portal_app_owner_info", { app_id: appId }).map((x) => x.labels);
    expect(info("checkout-api")).toEqual([{ app_id: "checkout-api", team: "payments", owner: "bob@example.com", backup: "lee@example.com", responder: "bob@example.com" }]);
    expect(value(s, "portal_app_owner_info", { app_id: "checkout-api" })).toEqual([1]);
    expect(info("indexer")[0]?.responder).toBe("lee@example.com"); // owner away, backup answers
    expect(info("crawler")[0]).toMatchObject({ owner: "sam@example.com", backup: "dan@example.com", responder: "" }); // both away
    expect(info("fraud-scorer")[0]).toMatchObject({ owner: "", backup: "", responder: "" });
    expect(info('odd"app\\x')).toHaveLength(1); // quotes and backslashes survive escaping
    expect(select(s, "portal_app_owner_info")).toHaveLength(6);
  });

  it("export signals and enabled thresholds only for apps that have them", async () => {
    portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
    const s = await scrape();
    const ids = (name: string) => select(s, name).map((x) => x.labels.app_id).sort();
    expect(value(s, "portal_app_anomaly_score", { app_id: "checkout-api" })).toEqual([0.97]);
    expect(ids("portal_app_anomaly_score")).toEqual(["card-vault", "checkout-api", "indexer"]);
    expect(value(s, "portal_app_traffic_trend_per_day", { app_id: "checkout-api" })).toEqual([-0.021]);
    expect(ids("portal_app_traffic_trend_per_day")).toEqual(["checkout-api"]);
    expect(ids("portal_app_traffic_expected")).toEqual(["card-vault", "checkout-api"]); // NaN left out
    expect(value(s, "portal_app_traffic_prediction_low", { app_id: "checkout-api" })).toEqual([98.2]);
    expect(value(s, "portal_app_traffic_prediction_high", { app_id: "checkout-api" })).toEqual([142.8]);
    expect(value(s, "portal_app_prediction_outside_ratio", { app_id: "checkout-api" })).toEqual([0.012]);
    expect(ids("portal_app_prediction_outside_ratio")).toEqual(["checkout-api"]);
    expect(value(s, "portal_app_threshold_floor", { app_id: "card-vault" })).toEqual([1]);
    expect(ids("portal_app_threshold_ceiling")).toEqual(["checkout-api"]);
  });

  it("show findings, sync backlog, drift and the last sync time", async () => {
    portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
    const s = await scrape();
    expect(value(s, "portal_detection_open_findings", { detector: "crash", severity: "critical" })).toEqual([2]);
    expect(value(s, "portal_detection_open_findings", { detector: "trend", severity: "warning" })).toEqual([0]);
    expect(value(s, "portal_app_open_finding", { app_id: "checkout-api", detector: "crash", severity: "critical" })).toEqual([1]);
    expect(value(s, "portal_app_open_finding", { app_id: "fraud-scorer" })).toEqual([]);
    expect(value(s, "portal_grafana_sync_pending")).toEqual([3]);
    expect(value(s, "portal_grafana_drifted_rules")).toEqual([1]);
    expect(value(s, "portal_grafana_last_sync_success_timestamp_seconds")).toEqual([Date.parse("2026-11-20T11:59:00Z") / 1000]);
  });

  it("read the database once per scrape and drop apps that are gone", async () => {
    const load = vi.fn(async () => fixtureSnapshot());
    portalMetrics().setDatabaseSource(load);
    await scrape();
    expect(load).toHaveBeenCalledTimes(1);
    const fewer = fixtureSnapshot();
    fewer.apps = fewer.apps.filter((a) => a.appId !== "checkout-api");
    load.mockImplementation(async () => fewer);
    const s = await scrape();
    expect(load).toHaveBeenCalledTimes(2);
    expect(select(s, "portal_app_owner_info", { app_id: "checkout-api" })).toHaveLength(0);
    expect(select(s, "portal_app_anomaly_score", { app_id: "checkout-api" })).toHaveLength(0);
  });

  it("give the same per-app values as JSON as in the text format", async () => {
    portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
    const json = await portalMetrics().registry.getMetricsAsJSON();
    const score = json.find((m) => m.name === "portal_app_anomaly_score");
    expect(score?.values).toContainEqual({ labels: { app_id: "checkout-api" }, value: 0.97 });
  });

  it("fail the scrape when the database cannot be read", async () => {
    portalMetrics().setDatabaseSource(async () => {
      throw new Error("database is down");
    });
    await expect(portalMetrics().registry.metrics()).rejects.toThrow("database is down");
  });
});
