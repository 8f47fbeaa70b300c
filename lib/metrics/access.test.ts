import { describe, expect, it } from "vitest";
import { metricsAccessAllowed } from "./access";

const TOKEN = "metrics-token-0123456789";

describe("metricsAccessAllowed", () => {
  it("is open when no token is configured", () => {
    expect(metricsAccessAllowed(null, undefined)).toBe(true);
    expect(metricsAccessAllowed("Bearer anything", undefined)).toBe(true);
  });

  it("accepts exactly the configured bearer token", () => {
    expect(metricsAccessAllowed(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(metricsAccessAllowed(`bearer ${TOKEN}`, TOKEN)).toBe(true);
  });

  it("refuses a missing, different, longer, shorter or non-bearer credential", () => {
    for (const header of [null, "", "Bearer", `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      expect(metricsAccessAllowed(header, TOKEN), String(header)).toBe(false);
    }
  });
});
