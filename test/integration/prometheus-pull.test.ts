import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { discoverApps, pullTraffic, type PullSettings } from "@/lib/traffic/prometheus-pull";
import { startPrometheus, type PrometheusApi } from "../system/support/prometheus";
import { makeApp, makeTeam, uid } from "./support/world";

// A tiny exporter: http_requests_total for two apps, growing by 600 and 60 per second.
const known = `known-${uid()}`;
const fresh = `fresh-${uid()}`;
let exporter: http.Server;
let prometheus: PrometheusApi;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pull-"));
const started = Date.now();

beforeAll(async () => {
  exporter = http.createServer((_req, res) => {
    const s = (Date.now() - started) / 1000;
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
    res.end(`# TYPE http_requests_total counter\nhttp_requests_total{app="${known}"} ${Math.round(600 * s)}\nhttp_requests_total{app="${fresh}"} ${Math.round(60 * s)}\n`);
  });
  await new Promise<void>((r) => exporter.listen(0, "127.0.0.1", () => r()));
  const { port } = exporter.address() as AddressInfo;
  prometheus = await startPrometheus({ dir, target: `127.0.0.1:${port}`, metricsPath: "/metrics" });
}, 60_000);

afterAll(async () => {
  await prometheus?.proc.stop();
  await new Promise((r) => exporter?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Prometheus pull mode (real Prometheus)", () => {
  it("lists new appIDs as unowned apps and stores their traffic from query_range", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    await db().app.update({ where: { id: app.id }, data: { appId: known } });
    const settings: PullSettings = {
      url: prometheus.url,
      label: "app",
      defaultTeam: `discovered-${uid()}`,
      queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[10s]))',
      lookbackDays: 1,
      stepSeconds: 2,
    };
    // wait until Prometheus has enough scrapes for rate() to answer
    // ten seconds of scrapes, so rate() no longer extrapolates from a partial window
    await prometheus.waitForQuery(`sum(rate(http_requests_total{app="${known}"}[10s]))`, (r) => Number(r[0]?.value[1] ?? 0) > 500);

    const created = await discoverApps(settings);
    expect(created).toEqual([fresh]);
    const discovered = await db().app.findUniqueOrThrow({ where: { appId: fresh }, include: { team: true, ownership: true } });
    expect(discovered.team.slug).toBe(settings.defaultTeam);
    expect(discovered.ownership).toBeNull();
    expect(await discoverApps(settings)).toEqual([]);

    const written = await pullTraffic(Date.now(), settings);
    expect(written).toBeGreaterThan(0);
    const samples = await db().trafficSample.findMany({ where: { appRef: app.id } });
    expect(samples.length).toBeGreaterThan(0);
    const last = samples.at(-1)?.value ?? 0;
    console.log(`[pull] ${written} samples written; ${known} last rate ${last.toFixed(1)} req/s (exporter: 600)`);
    expect(last).toBeGreaterThan(400);
    expect(last).toBeLessThan(800);
  }, 90_000);
});
