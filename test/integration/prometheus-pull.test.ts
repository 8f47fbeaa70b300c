import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadHistory } from "@/lib/traffic/history";
import { discoverApps, pullTraffic, type PullSettings } from "@/lib/traffic/prometheus-pull";
import { startPrometheus, type PrometheusApi } from "../system/support/prometheus";
import { makeApp, makeTeam, uid } from "./support/world";

// A tiny exporter: http_requests_total for two apps, growing by 600 and 60 per second.
const known = `known-${uid()}`;
const fresh = `fresh-${uid()}`;
let exporter: http.Server;
let prometheus: PrometheusApi;
// in front of Prometheus: counts the query_range calls the portal makes, by query
let proxy: http.Server;
let proxyUrl = "";
const queries: string[] = [];
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
  proxy = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", prometheus.url);
    if (url.pathname === "/api/v1/query_range") queries.push(url.searchParams.get("query") ?? "");
    const upstream = await fetch(url);
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", () => r()));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await prometheus?.proc.stop();
  await new Promise((r) => exporter?.close(r));
  await new Promise((r) => proxy?.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Prometheus pull mode (real Prometheus)", () => {
  it("lists new appIDs as unowned apps and stores their traffic from query_range", async () => {
    const team = await makeTeam();
    const app = await makeApp(team.id);
    await db().app.update({ where: { id: app.id }, data: { appId: known } });
    const grouped = "sum by (app) (rate(http_requests_total[10s]))";
    const settings: PullSettings = {
      url: proxyUrl,
      label: "app",
      defaultTeam: `discovered-${uid()}`,
      queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[10s]))',
      groupedQuery: grouped,
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
    // no traffic stored yet: the look-back is read for all apps at once (a day of 2 s steps: 9 windows)
    expect(queries.length).toBeGreaterThan(0);
    expect(new Set(queries)).toEqual(new Set([grouped]));
    const samples = (await loadHistory(app.id, 0, Date.now() + 60_000)).raw;
    expect(samples.ts.length).toBeGreaterThan(0);
    const last = samples.values.at(-1) ?? 0;
    console.log(`[pull] ${written} samples written; ${known} last rate ${last.toFixed(1)} req/s (exporter: 600)`);
    expect(last).toBeGreaterThan(400);
    expect(last).toBeLessThan(800);
    const discoveredSamples = (await loadHistory(discovered.id, 0, Date.now() + 60_000)).raw;
    expect(discoveredSamples.values.at(-1)).toBeGreaterThan(40);

    // steady state: one grouped query_range for both apps, and only samples newer than each app's latest
    await new Promise((r) => setTimeout(r, 4_000));
    queries.length = 0;
    const more = await pullTraffic(Date.now(), settings);
    expect(queries).toEqual([grouped]);
    expect(more).toBeGreaterThan(0);
    const after = (await loadHistory(app.id, 0, Date.now() + 60_000)).raw;
    expect(after.ts.length).toBeGreaterThan(samples.ts.length);
    expect(after.ts.at(-1)).toBeGreaterThan(samples.ts.at(-1) ?? 0);

    // a custom per-app query without a grouped form: one query per app, as before
    queries.length = 0;
    await new Promise((r) => setTimeout(r, 2_000));
    await pullTraffic(Date.now(), { ...settings, groupedQuery: null });
    expect(new Set(queries)).toEqual(new Set([known, fresh].map((a) => settings.queryTemplate.replace("$appId", a))));
  }, 90_000);
});
