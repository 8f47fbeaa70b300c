import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { promtool } from "./promtool";
import { portalMetrics } from "./registry";
import { fixtureSnapshot } from "./fixture";
import { dashboardQueries, substituteGrafanaVars } from "./dashboard-queries";

// monitoring/ ships a Grafana dashboard, alert rules and a scrape config. promtool has no
// "parse this query" command, so each dashboard query becomes a recording rule in a generated
// file and `promtool check rules` parses them all.
const root = path.resolve(import.meta.dirname, "../..");
const read = (f: string) => fs.readFileSync(path.join(root, "monitoring", f), "utf8");

function checkRules(rules: { record: string; expr: string }[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-dashboard-"));
  const file = path.join(dir, "dashboard-queries.yml");
  fs.writeFileSync(file, YAML.stringify({ groups: [{ name: "dashboard", rules }] }));
  try {
    return promtool(["check", "rules", file]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let exported = new Set<string>();
beforeAll(async () => {
  portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
  const text = await portalMetrics().registry.metrics();
  // every family the registry declares (with a histogram's series names), recorded or not
  exported = new Set(
    [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) =>
      type === "histogram" ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name as string],
    ),
  );
});
afterAll(() => portalMetrics().setDatabaseSource(undefined));

const metricNames = (expr: string) => [...new Set(expr.match(/\b(?:portal|process|nodejs)_[a-z0-9_]+\b/g) ?? [])];

describe("monitoring/grafana-dashboard.json", () => {
  const queries = dashboardQueries(read("grafana-dashboard.json"));

  it("has panels for stage times, findings, notifications, ownership coverage and sync health", () => {
    const all = queries.map((q) => q.expr).join("\n");
    for (const name of ["portal_detection_stage_duration_seconds_bucket", "portal_detection_findings_total", "portal_notifications_total", "portal_apps", "portal_grafana_sync_pending", "portal_grafana_last_sync_success_timestamp_seconds"]) {
      expect(all).toContain(name);
    }
  });

  it("has queries that Prometheus parses", () => {
    const rules = queries.map((q, i) => ({ record: `dashboard:query_${i}`, expr: substituteGrafanaVars(q.expr) }));
    const r = checkRules(rules);
    expect(r.output).toContain(`SUCCESS: ${rules.length} rules found`);
    expect(r.status).toBe(0);
  });

  it("only queries metrics the portal exports", () => {
    for (const q of queries) for (const name of metricNames(q.expr)) expect(exported, `${q.title}: ${name}`).toContain(name);
  });

  it("would catch a query that does not parse", () => {
    const r = checkRules([{ record: "dashboard:broken", expr: "sum by (stage (rate(portal_detection_runs_total[5m]))" }]);
    expect(r.status).not.toBe(0);
  });
});

describe("monitoring/alert-rules.yml", () => {
  it("passes promtool check rules", () => {
    const r = promtool(["check", "rules", path.join(root, "monitoring", "alert-rules.yml")]);
    expect(r.output).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.status).toBe(0);
  });

  it("labels the anomaly alert with the responder through portal_app_owner_info", () => {
    const doc = YAML.parse(read("alert-rules.yml")) as { groups: { rules: { alert: string; expr: string }[] }[] };
    const rules = doc.groups.flatMap((g) => g.rules);
    const anomaly = rules.find((r) => r.alert === "PortalAppTrafficAnomaly");
    expect(anomaly?.expr).toMatch(/on \(app_id\) group_left \([^)]*responder[^)]*\)/);
    expect(anomaly?.expr).toContain("portal_app_owner_info");
    for (const r of rules) for (const name of metricNames(r.expr)) expect(exported, `${r.alert}: ${name}`).toContain(name);
  });
});

describe("monitoring/prometheus.yml", () => {
  it("is valid Prometheus configuration that scrapes /api/metrics with a bearer token", () => {
    const r = promtool(["check", "config", "--syntax-only", path.join(root, "monitoring", "prometheus.yml")]);
    expect(r.status, r.output).toBe(0);
    const job = (YAML.parse(read("prometheus.yml")) as { scrape_configs: { metrics_path: string; authorization: { type: string } }[] }).scrape_configs[0];
    expect(job).toMatchObject({ metrics_path: "/api/metrics", authorization: { type: "Bearer" } });
  });
});
