import { describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/api/metrics/route";
import { GET as getApp } from "@/app/api/apps/[appId]/route";
import { db } from "@/lib/db/client";
import { GRAFANA_LAST_SYNC_KEY } from "@/lib/metrics/load-snapshot";
import { parseExposition, select, type Sample } from "@/lib/metrics/parse-exposition";
import { call } from "./support/http";
import { makeApp, makeTeam, makeUser, uid } from "./support/world";

const DAY = 86_400_000;

async function scrape(headers: Record<string, string> = {}) {
  const res = await metrics(new Request("http://127.0.0.1:3000/api/metrics", { headers }), { params: Promise.resolve({}) });
  const text = await res.text();
  return { res, text, samples: res.status === 200 ? parseExposition(text) : [] };
}
const one = (samples: Sample[], name: string, labels: Record<string, string> = {}) => {
  const found = select(samples, name, labels);
  expect(found, `${name} ${JSON.stringify(labels)}`).toHaveLength(1);
  return found[0]?.value;
};
const sum = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  select(samples, name, labels).reduce((t, s) => t + s.value, 0);

async function threshold(appRef: string, version: number, enabled: boolean, floorRps: number, ceilingRps: number | null) {
  await db().thresholdVersion.create({
    data: { appRef, version, enabled, floorRps, ceilingRps, forDuration: "5m", severity: "warning", reason: "test" },
  });
}

describe("GET /api/metrics", () => {
  it("is open without METRICS_TOKEN and answers in Prometheus's text format", async () => {
    const { res, text } = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(text).toContain("# TYPE portal_apps gauge");
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("exports ownership per app and per team, with the responder derived from availability", async () => {
    const team = await makeTeam();
    const now = Date.now();
    const owner = await makeUser({ teamId: team.id, name: "owner" });
    const backup = await makeUser({ teamId: team.id, name: "backup" });
    const awayOwner = await makeUser({ teamId: team.id, name: "away" });
    await db().user.update({ where: { id: awayOwner.id }, data: { awayFrom: new Date(now - DAY), awayUntil: new Date(now + DAY) } });
    const owned = await makeApp(team.id, owner.id, backup.id);
    const covered = await makeApp(team.id, awayOwner.id, backup.id);
    const stranded = await makeApp(team.id, awayOwner.id);
    const free = await makeApp(team.id);

    const { samples } = await scrape();
    const info = (appId: string) => select(samples, "portal_app_owner_info", { app_id: appId })[0]?.labels;
    expect(info(owned.appId)).toEqual({ app_id: owned.appId, team: team.slug, owner: owner.email, backup: backup.email, responder: owner.email });
    expect(info(covered.appId)).toMatchObject({ owner: awayOwner.email, responder: backup.email });
    expect(info(stranded.appId)).toMatchObject({ owner: awayOwner.email, backup: "", responder: "" });
    expect(info(free.appId)).toMatchObject({ owner: "", backup: "", responder: "" });
    for (const state of ["owned", "owner_away", "unreachable", "unowned"]) {
      expect(one(samples, "portal_apps", { team: team.slug, state }), state).toBe(1);
    }
  });

  it("exports each app's latest signal and its highest threshold version only when enabled", async () => {
    const team = await makeTeam();
    const [raised, disabled, reenabled, bare] = await Promise.all([1, 2, 3, 4].map(() => makeApp(team.id)));
    if (!raised || !disabled || !reenabled || !bare) throw new Error("apps not created");
    await db().appSignal.create({ data: { appRef: raised.id, anomalyScore: 0.93, trendPerDay: -0.015, expected: 42.5, observed: 3, evaluatedAt: new Date() } });
    await db().appSignal.create({ data: { appRef: disabled.id, anomalyScore: 0.05, trendPerDay: null, expected: 8, observed: 8, evaluatedAt: new Date() } });
    await threshold(raised.id, 1, true, 5, null);
    await threshold(raised.id, 2, true, 7, 70);
    await threshold(disabled.id, 1, true, 5, 50);
    await threshold(disabled.id, 2, false, 6, 60);
    await threshold(reenabled.id, 1, false, 1, 10);
    await threshold(reenabled.id, 2, true, 2, null);

    const { samples } = await scrape();
    expect(one(samples, "portal_app_anomaly_score", { app_id: raised.appId })).toBe(0.93);
    expect(one(samples, "portal_app_traffic_trend_per_day", { app_id: raised.appId })).toBe(-0.015);
    expect(one(samples, "portal_app_traffic_expected", { app_id: raised.appId })).toBe(42.5);
    expect(one(samples, "portal_app_anomaly_score", { app_id: disabled.appId })).toBe(0.05);
    expect(select(samples, "portal_app_traffic_trend_per_day", { app_id: disabled.appId })).toHaveLength(0);
    expect([one(samples, "portal_app_threshold_floor", { app_id: raised.appId }), one(samples, "portal_app_threshold_ceiling", { app_id: raised.appId })]).toEqual([7, 70]);
    expect(select(samples, "portal_app_threshold_floor", { app_id: disabled.appId })).toHaveLength(0);
    expect(one(samples, "portal_app_threshold_floor", { app_id: reenabled.appId })).toBe(2);
    expect(select(samples, "portal_app_threshold_ceiling", { app_id: reenabled.appId })).toHaveLength(0);
    for (const name of ["portal_app_anomaly_score", "portal_app_threshold_floor"]) {
      expect(select(samples, name, { app_id: bare.appId }), name).toHaveLength(0);
    }
    expect(select(samples, "portal_app_owner_info", { app_id: bare.appId })).toHaveLength(1);
  });

  it("counts open findings, the Grafana backlog, drift and the last successful sync", async () => {
    const before = (await scrape()).samples;
    const team = await makeTeam();
    const app = await makeApp(team.id);
    const finding = (status: string, detector: string) => ({
      appRef: app.id, detector, severity: "critical", status, openKey: status === "open" ? `${app.id}:${detector}` : null,
      startedAt: new Date(), observed: 0, expected: 10, deviation: 1, windowFrom: new Date(), windowTo: new Date(), explanation: "test",
    });
    await db().finding.createMany({ data: [finding("open", "crash"), finding("open", "threshold"), finding("resolved", "anomaly")] });
    const id = uid();
    await db().outboxTask.createMany({
      data: [
        { kind: "grafana.app", subject: `a-${id}`, status: "pending" },
        { kind: "grafana.contact", subject: `c-${id}`, status: "failed" },
        { kind: "grafana.app", subject: `r-${id}`, status: "running" },
        { kind: "grafana.app", subject: `d-${id}`, status: "done" },
        { kind: "other.kind", subject: `o-${id}`, status: "pending" },
      ],
    });
    await db().grafanaSyncState.create({ data: { appRef: app.id, state: "drifted", driftDiff: '{"floor":[5,6]}' } });
    const lastSync = new Date(Date.now() - 60_000).toISOString();
    await db().meta.upsert({ where: { key: GRAFANA_LAST_SYNC_KEY }, create: { key: GRAFANA_LAST_SYNC_KEY, value: lastSync }, update: { value: lastSync } });

    const after = (await scrape()).samples;
    const delta = (name: string, labels: Record<string, string> = {}) => sum(after, name, labels) - sum(before, name, labels);
    expect(delta("portal_detection_open_findings", { detector: "crash", severity: "critical" })).toBe(1);
    expect(delta("portal_detection_open_findings", { detector: "threshold", severity: "critical" })).toBe(1);
    expect(delta("portal_detection_open_findings", { detector: "anomaly" })).toBe(0);
    expect(delta("portal_grafana_sync_pending")).toBe(3);
    expect(delta("portal_grafana_drifted_rules")).toBe(1);
    expect(one(after, "portal_grafana_last_sync_success_timestamp_seconds")).toBe(Date.parse(lastSync) / 1000);
  });

  it("times API requests by route pattern, method and status class, never by raw URL", async () => {
    const team = await makeTeam();
    const user = await makeUser({ teamId: team.id });
    const app = await makeApp(team.id, user.id);
    const labels = (status_class: string) => ({ route: "/api/apps/:appId", method: "GET", status_class });
    const before = (await scrape()).samples;
    expect((await call(getApp, "GET", { as: user, params: { appId: app.appId }, path: `/api/apps/${app.appId}` })).status).toBe(200);
    expect((await call(getApp, "GET", { as: null, params: { appId: app.appId }, path: `/api/apps/${app.appId}` })).status).toBe(401);
    const { samples, text } = await scrape();
    const count = (s: Sample[], cls: string) => sum(s, "portal_http_request_duration_seconds_count", labels(cls));
    expect(count(samples, "2xx") - count(before, "2xx")).toBe(1);
    expect(count(samples, "4xx") - count(before, "4xx")).toBe(1);
    expect(sum(samples, "portal_http_request_duration_seconds_count", { route: "/api/metrics", method: "GET", status_class: "2xx" })).toBeGreaterThan(0);
    expect(text).not.toContain(`route="/api/apps/${app.appId}"`);
  });
});
