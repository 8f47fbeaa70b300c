import { afterAll, describe, expect, it } from "vitest";
import { familiesWithPrefix, promtool } from "./promtool";
import { detectionMetrics, grafanaMetrics, httpMetrics, notificationMetrics, portalMetrics } from "./registry";
import { fixtureSnapshot } from "./fixture";

// prom-client's default Node metrics include three gauges named *_total, which promtool's
// lint rejects. We keep the usual names (Node dashboards rely on them) and lint the portal's own
// families strictly; the full output may carry only those three known findings.
const KNOWN_DEFAULT_FINDINGS = ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"];

async function exposition(): Promise<string> {
  portalMetrics().setDatabaseSource(async () => fixtureSnapshot());
  detectionMetrics().stageDuration.observe({ stage: "anomaly" }, 0.0003);
  detectionMetrics().runs.inc({ outcome: "ok" });
  detectionMetrics().findings.inc({ detector: "trend", severity: "warning" });
  notificationMetrics().sent.inc({ channel: "email", outcome: "failed" });
  grafanaMetrics().sync.inc({ outcome: "error" });
  httpMetrics().requestDuration.observe({ route: "/api/apps/:appId", method: "GET", status_class: "2xx" }, 0.012);
  return portalMetrics().registry.metrics();
}

afterAll(() => portalMetrics().setDatabaseSource(undefined));

describe("promtool check metrics", () => {
  it("finds nothing to complain about in the portal's own metrics", async () => {
    const own = familiesWithPrefix(await exposition(), "portal_");
    expect(own).toContain("portal_app_owner_info{");
    expect(own).not.toContain("nodejs_");
    const r = promtool(["check", "metrics"], own);
    expect(r.output).toBe("");
    expect(r.status).toBe(0);
  });

  it("finds only the known _total gauges of prom-client's default metrics in the full output", async () => {
    const r = promtool(["check", "metrics"], await exposition());
    const named = r.output.split("\n").map((l) => l.split(" ")[0]).sort();
    expect(named).toEqual(KNOWN_DEFAULT_FINDINGS);
  });

  it("rejects a badly named metric, so the checks above can fail", () => {
    const r = promtool(["check", "metrics"], "# HELP bad_total a gauge\n# TYPE bad_total gauge\nbad_total 1\n");
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("bad_total");
  });
});
