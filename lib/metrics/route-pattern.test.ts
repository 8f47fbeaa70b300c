import { describe, expect, it } from "vitest";
import { routePattern, statusClass } from "./route-pattern";

describe("routePattern", () => {
  it("replaces the segment holding each param with :name", () => {
    expect(routePattern("/api/apps/checkout-api/claim", { appId: "checkout-api" })).toBe("/api/apps/:appId/claim");
  });

  it("keeps static routes as they are and drops a trailing slash", () => {
    expect(routePattern("/api/metrics")).toBe("/api/metrics");
    expect(routePattern("/api/apps/", {})).toBe("/api/apps");
  });

  it("matches percent-encoded segments against decoded param values", () => {
    expect(routePattern("/api/apps/a%20b/audit", { appId: "a b" })).toBe("/api/apps/:appId/audit");
  });

  it("gives the same pattern for every id, so the series count does not grow with apps", () => {
    const patterns = new Set(["a", "b", "c"].map((id) => routePattern(`/api/apps/${id}/backup`, { appId: id })));
    expect([...patterns]).toEqual(["/api/apps/:appId/backup"]);
  });

  it("puts an id that equals a static segment in its own place", () => {
    expect(routePattern("/api/apps/apps", { appId: "apps" })).toBe("/api/apps/:appId");
    expect(routePattern("/api/apps/claim/claim", { appId: "claim" })).toBe("/api/apps/:appId/claim");
    expect(routePattern("/api/tokens/tok_1", { id: "tok_1" })).toBe("/api/tokens/:id");
  });

  it("replaces several params in path order and catch-all segments one by one", () => {
    expect(routePattern("/api/teams/pay/apps/x", { team: "pay", appId: "x" })).toBe("/api/teams/:team/apps/:appId");
    expect(routePattern("/api/docs/a/b", { slug: ["a", "b"] })).toBe("/api/docs/:slug/:slug");
  });
});

describe("statusClass", () => {
  it("groups statuses by their first digit", () => {
    expect([200, 201, 304, 401, 404, 422, 500, 503].map(statusClass)).toEqual(["2xx", "2xx", "3xx", "4xx", "4xx", "4xx", "5xx", "5xx"]);
  });

  it("treats impossible statuses as server errors", () => {
    expect(statusClass(0)).toBe("5xx");
    expect(statusClass(999)).toBe("5xx");
  });
});
