import { describe, expect, it } from "vitest";
import { DAY_MS, detectApp } from "@/lib/detection";
import { DEMO_THRESHOLDS } from "@/lib/seed/demo-data";
import { detectionThresholds } from "@/lib/thresholds/view";
import { demoSamples, DEMO_HISTORY_DAYS, DEMO_INCIDENTS, DEMO_STEP_MS } from "./demo-traffic";

// The demo promises a newcomer every detector firing (README, test/system/prometheus-scrape.test.ts),
// whenever it is seeded: the noise depends on the seeding time, so this checks 150 of them over 18
// hours, with the settings the server evaluates with (lib/findings/load-apps.ts).
const SEEDINGS = 150;
const EXPECTED: Record<string, string[]> = {
  [DEMO_INCIDENTS.crash]: ["crash", "threshold"],
  [DEMO_INCIDENTS.trend]: ["trend"],
  [DEMO_INCIDENTS.spike]: ["anomaly"],
};

function findingsAt(appId: string, now: number): string[] {
  const origin = now - DEMO_HISTORY_DAYS * DAY_MS;
  const s = demoSamples(appId, origin, origin, now, true);
  const row = DEMO_THRESHOLDS.find((t) => t.appId === appId);
  const result = detectApp(
    { start: s.ts[0] as number, stepMs: DEMO_STEP_MS, values: Float64Array.from(s.values) },
    { appName: appId, thresholds: row ? detectionThresholds(row) : null, evaluationIntervalMs: 3_600_000 },
  );
  return result.findings.map((f) => f.detector).sort();
}

describe("demo traffic", () => {
  it("shows each incident's detectors firing, whenever the demo is seeded", () => {
    const missed: string[] = [];
    for (let k = 0; k < SEEDINGS; k++) {
      // 7 minutes and 13 seconds apart: every phase of the 5-minute grid, 18 hours in all
      const now = Date.UTC(2026, 11, 2, 19, 0, 0) - k * (7 * 60_000 + 13_000);
      for (const [appId, detectors] of Object.entries(EXPECTED)) {
        const got = findingsAt(appId, now);
        for (const d of detectors) if (!got.includes(d)) missed.push(`${new Date(now).toISOString()} ${appId}: no ${d} (got ${got.join(", ") || "none"})`);
      }
    }
    expect(missed).toEqual([]);
  });

  it("reports nothing on an app without an incident", () => {
    const now = Date.UTC(2026, 11, 2, 19, 0, 0);
    expect(findingsAt("payment-gateway", now)).toEqual([]);
  });
});
