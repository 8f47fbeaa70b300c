import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { promtool } from "@/lib/metrics/promtool";
import type { AppAlertInput } from "@/lib/grafana/types";
import { appIdSchema } from "@/lib/validation/ownership";
import { thresholdUpdateSchema } from "@/lib/validation/thresholds";
import { buildPromRulesYaml } from "./prometheus-rules";

// Property: whatever thresholds one owner saves — anything the PUT schema accepts — the
// rules file every team loads still passes `promtool check rules`. Inputs are drawn (seeded)
// from well beyond the accepted space: awkward durations and numbers, hostile app ids; those
// the schemas refuse are dropped, every accepted one goes into the file.

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SETTINGS = { queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))', portalUrl: "https://portal.example" };
const UNITS = ["y", "w", "d", "h", "m", "s", "ms"];
const EDGE_NUMBERS = [0, -0, 5e-324, 1e-300, 1e-7, 0.1, 1, 99.999, 100, 1e9, 1e9 + 1, 2 ** 53, Number.MAX_VALUE, -1, NaN, Infinity];
const EDGE_DURATIONS = ["0", "0s", "0ms", "1ms", "7d", "1w", "6d23h59m59s999ms", "7d1ms", "1y", "300y", "292y", "99999999999999999999s", "1h30m", "90m", "5m0s", "1.5m", " 5m ", "5M"];
const EDGE_IDS = ["a1", "checkout-api", "x".repeat(63), "a-", "0-0", 'a"b', "a}b", "a\\b", "a$b", "a b", "é-app", "a\nb"];

function draw(r: () => number) {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const num = () => (r() < 0.4 ? pick(EDGE_NUMBERS) : r() < 0.5 ? r() * 10 ** Math.floor(r() * 12 - 3) : Math.round(r() * 1e6) / 100);
  const duration = () => {
    if (r() < 0.35) return pick(EDGE_DURATIONS);
    return UNITS.filter(() => r() < 0.3).map((u) => `${Math.floor(r() * 10 ** Math.floor(r() * 4))}${u}`).join("") || "0";
  };
  const id = () => (r() < 0.3 ? pick(EDGE_IDS) : Array.from({ length: 2 + Math.floor(r() * 20) }, () => pick("abcdefghijklmnopqrstuvwxyz0123456789-".split(""))).join(""));
  return {
    appId: id(),
    input: {
      floorRps: num(),
      ceilingRps: r() < 0.4 ? null : num(),
      maxWeeklyDropPercent: r() < 0.4 ? null : num(),
      for: duration(),
      severity: pick(["critical", "warning", "info"] as const),
      enabled: true,
      reason: "property test",
    },
  };
}

function check(yaml: string): { status: number | null; output: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rules-prop-")), "rules.yml");
  fs.writeFileSync(file, yaml);
  return promtool(["check", "rules", file]);
}

describe("rules file under any accepted thresholds", () => {
  it("passes promtool check rules for every accepted draw (4,000 draws, one file)", () => {
    const r = rng(20261202);
    const apps: AppAlertInput[] = [];
    let refused = 0;
    const seen = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const d = draw(r);
      const t = thresholdUpdateSchema.safeParse(d.input);
      const id = appIdSchema.safeParse(d.appId);
      if (!t.success || !id.success || seen.has(id.data)) {
        refused += 1;
        continue;
      }
      seen.add(id.data);
      const { reason: _r, baseVersion: _b, ...thresholds } = t.data;
      apps.push({ appId: id.data, team: `team-${i % 7}`, owner: "o@example.com", responder: null, thresholds: { ceilingRps: null, maxWeeklyDropPercent: null, ...thresholds } });
    }
    // both sides of the property are exercised
    expect(apps.length).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(300);
    const result = check(buildPromRulesYaml(apps, SETTINGS));
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.status).toBe(0);
  });

  it("can fail: a duration the schema refuses (300y) breaks the file", () => {
    expect(thresholdUpdateSchema.safeParse({ ...draw(rng(1)).input, floorRps: 1, ceilingRps: null, maxWeeklyDropPercent: null, for: "300y" }).success).toBe(false);
    const broken: AppAlertInput = { appId: "a1", team: "t", owner: null, responder: null, thresholds: { floorRps: 1, ceilingRps: null, maxWeeklyDropPercent: null, for: "300y", severity: "critical", enabled: true } };
    const result = check(buildPromRulesYaml([broken], SETTINGS));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/duration|range/i);
  });
});
