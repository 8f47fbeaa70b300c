import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the embedded defaults when nothing is set", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({ DATABASE_URL: "file:./data/portal.db", PORT: 3000, DEMO_MODE: false, SCHEDULER_ENABLED: true });
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "http", SESSION_SECRET: "short", SMTP_URL: "mail.example" })).toThrowError(
      /DATABASE_URL: must be a file: URL[\s\S]*PORT: must be a port number[\s\S]*SESSION_SECRET: must be at least 32 characters[\s\S]*SMTP_URL: must be an smtp/,
    );
  });

  it("accepts PostgreSQL URLs and demo mode", () => {
    const e = parseEnv({ DATABASE_URL: "postgresql://u@127.0.0.1:5432/portal", DEMO_MODE: "true" });
    expect(e.DEMO_MODE).toBe(true);
  });

  it("keeps the traffic levels in order: raw ≤ 5-minute ≤ retention", () => {
    expect(parseEnv({})).toMatchObject({ TRAFFIC_RAW_DAYS: 3, TRAFFIC_ROLLUP_5M_DAYS: 15, TRAFFIC_RETENTION_DAYS: 35 });
    expect(() => parseEnv({ TRAFFIC_RAW_DAYS: "20" })).toThrowError(/TRAFFIC_ROLLUP_5M_DAYS: must be at least TRAFFIC_RAW_DAYS/);
    expect(() => parseEnv({ TRAFFIC_ROLLUP_5M_DAYS: "40" })).toThrowError(/TRAFFIC_RETENTION_DAYS: must be at least TRAFFIC_ROLLUP_5M_DAYS/);
  });

  it("refuses a grouped Prometheus query that names one app", () => {
    expect(() => parseEnv({ PROMETHEUS_GROUPED_QUERY: 'sum(x{app="$appId"})' })).toThrowError(/PROMETHEUS_GROUPED_QUERY: must not contain \$appId/);
  });
});
