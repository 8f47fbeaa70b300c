import { afterAll, describe, expect, it } from "vitest";

// lib/env parses settings once per process (module): set the token before the first request.
const TOKEN = "integration-metrics-token-0123";
process.env.METRICS_TOKEN = TOKEN;
const { GET: metrics } = await import("@/app/api/metrics/route");
afterAll(() => {
  delete process.env.METRICS_TOKEN;
});

const scrape = (authorization?: string) =>
  metrics(new Request("http://127.0.0.1:3000/api/metrics", { headers: authorization ? { authorization } : {} }), { params: Promise.resolve({}) });

describe("GET /api/metrics with METRICS_TOKEN", () => {
  it("answers 401 without the bearer token, with a wrong one, or with the token sent another way", async () => {
    for (const header of [undefined, `Bearer ${TOKEN}-not`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await scrape(header);
      expect(res.status, String(header)).toBe(401);
      const body = await res.text();
      expect(body).not.toContain("portal_");
      expect(body).not.toContain(TOKEN);
    }
  });

  it("serves the metrics to the bearer of the token, without echoing it", async () => {
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain("portal_build_info{");
    expect(body).not.toContain(TOKEN);
  });
});
