import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildAppRule } from "../../lib/grafana/build-app-rule";
import { app, ruleSettings } from "./fixtures";
import { startGrafanaContractServer, type GrafanaContractServer } from "./contract-server";

let srv: GrafanaContractServer;
beforeEach(async () => {
  srv = await startGrafanaContractServer();
});
afterEach(async () => {
  await srv.close();
});

type Init = { body?: unknown; headers?: Record<string, string>; auth?: boolean; timeoutMs?: number };
async function req(method: string, path: string, init: Init = {}) {
  const headers: Record<string, string> = { ...(init.auth === false ? {} : { Authorization: `Bearer ${srv.token}` }), ...init.headers };
  const res = await fetch(`${srv.url}/api${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5000),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const rule = (appId = "checkout-api", team = "payments") => buildAppRule(app(appId, team), ruleSettings);
const folder = (team = "payments") => req("POST", "/folders", { body: { uid: `op-team-${team}`, title: team } });
const group = (rules: unknown[] | undefined, interval = 60) => ({ title: "ownership-portal", folderUid: "op-team-payments", interval, rules });
const groupPath = "/v1/provisioning/folder/op-team-payments/rule-groups/ownership-portal";

describe("startGrafanaContractServer", () => {
  it("serves health without auth and wants the Bearer token elsewhere", async () => {
    expect((await req("GET", "/health", { auth: false })).json).toMatchObject({ database: "ok" });
    expect((await req("GET", "/v1/provisioning/alert-rules", { auth: false })).status).toBe(401);
    expect((await req("GET", "/v1/provisioning/alert-rules", { headers: { Authorization: "Bearer nope" } })).status).toBe(401);
  });

  it("rejects bodies that break the project schemas, naming the spec definition", async () => {
    await folder();
    const res = await req("POST", "/v1/provisioning/alert-rules", { body: { ...rule(), for: 300 } });
    expect(res.status).toBe(400);
    expect(res.json?.message).toContain("ProvisionedAlertRule");
  });

  it("needs the folder, a valid uid, a duration and a condition that names a refId", async () => {
    expect((await req("POST", "/v1/provisioning/alert-rules", { body: rule() })).status).toBe(400);
    await folder();
    for (const bad of [{ uid: "x".repeat(41) }, { condition: "Z" }, { for: "5 minutes" }]) {
      expect((await req("POST", "/v1/provisioning/alert-rules", { body: { ...rule(), ...bad } })).status, JSON.stringify(bad)).toBe(400);
    }
  });

  it("creates with 201 and server fields, updates with 200, 404s with an empty body", async () => {
    await folder();
    const created = await req("POST", "/v1/provisioning/alert-rules", { body: rule() });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ uid: "op-app-checkout-api", provenance: "api", id: expect.any(Number), updated: expect.any(String) });
    expect((await req("PUT", "/v1/provisioning/alert-rules/op-app-checkout-api", { body: { ...rule(), for: "10m" } })).status).toBe(200);
    expect(srv.state.rules.get("op-app-checkout-api")?.for).toBe("10m");
    const missing = await req("GET", "/v1/provisioning/alert-rules/nope");
    expect([missing.status, missing.text]).toEqual([404, ""]);
    expect((await req("PUT", "/v1/provisioning/alert-rules/nope", { body: rule() })).status).toBe(404);
  });

  it("enforces provenance: api rules cannot become editable, and delete idempotently", async () => {
    await folder();
    await req("POST", "/v1/provisioning/alert-rules", { body: rule() });
    const noProv = { headers: { "X-Disable-Provenance": "true" } };
    const put = await req("PUT", "/v1/provisioning/alert-rules/op-app-checkout-api", { body: rule(), ...noProv });
    expect(put.status).toBe(500);
    expect(put.json?.message).toContain("cannot change provenance from 'api' to ''");
    expect((await req("DELETE", "/v1/provisioning/alert-rules/op-app-checkout-api", noProv)).status).toBe(409);
    expect((await req("DELETE", "/v1/provisioning/alert-rules/op-app-checkout-api")).status).toBe(204);
    expect((await req("DELETE", "/v1/provisioning/alert-rules/op-app-checkout-api")).status).toBe(204);
    const editable = await req("POST", "/v1/provisioning/alert-rules", { body: rule("b"), ...noProv });
    expect(editable.json?.provenance).toBe("");
  });

  it("replaces a group when rules are present and only sets the interval when omitted", async () => {
    await folder();
    expect((await req("PUT", groupPath, { body: group([rule("a"), rule("b")]) })).status).toBe(200);
    await req("PUT", groupPath, { body: group([rule("b")]) });
    expect([...srv.state.rules.keys()]).toEqual(["op-app-b"]);
    await req("PUT", groupPath, { body: group(undefined, 120) });
    const got = await req("GET", groupPath);
    expect(got.json).toMatchObject({ interval: 120, rules: [{ uid: "op-app-b" }] });
    expect((await req("PUT", groupPath, { body: group([], 15) })).status).toBe(400);
    await req("PUT", groupPath, { body: group([]) });
    expect((await req("GET", groupPath)).status).toBe(404);
  });

  it("checks policy receivers and refuses to delete a contact point a policy uses", async () => {
    const cp = { uid: "cp-alice", name: "alice", type: "email", settings: { addresses: "alice@example.com" } };
    const tree = { receiver: "grafana-default-email", routes: [{ receiver: "alice", object_matchers: [["owner", "=", "alice"]] }] };
    expect((await req("PUT", "/v1/provisioning/policies", { body: tree })).status).toBe(400);
    expect((await req("POST", "/v1/provisioning/contact-points", { body: cp })).status).toBe(202);
    expect((await req("PUT", "/v1/provisioning/policies", { body: tree })).status).toBe(202);
    const del = await req("DELETE", "/v1/provisioning/contact-points/cp-alice");
    expect(del.status).toBe(409);
    expect(del.json?.messageId).toBe("alerting.notifications.contact-points.referenced");
    await req("PUT", "/v1/provisioning/policies", { body: { receiver: "grafana-default-email" } });
    expect((await req("DELETE", "/v1/provisioning/contact-points/cp-alice")).status).toBe(202);
  });

  it("injects 5xx for a number of matching requests, then recovers", async () => {
    srv.failures.set({ mode: "5xx", count: 2, paths: ["/api/v1/provisioning/alert-rules"] });
    expect((await req("GET", "/health")).status).toBe(200);
    expect((await req("GET", "/v1/provisioning/alert-rules")).status).toBe(503);
    expect((await req("GET", "/v1/provisioning/alert-rules")).status).toBe(503);
    expect((await req("GET", "/v1/provisioning/alert-rules")).status).toBe(200);
    expect(srv.failures.active).toBeNull();
  });

  it("hangs on timeout and delays on slow", async () => {
    srv.failures.set({ mode: "timeout", count: 1 });
    await expect(req("GET", "/health", { timeoutMs: 200 })).rejects.toThrow();
    srv.failures.set({ mode: "slow", delayMs: 150, count: 1 });
    const started = Date.now();
    expect((await req("GET", "/health")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("logs and counts every request", async () => {
    await req("GET", "/health");
    await req("GET", "/v1/provisioning/alert-rules/x");
    expect(srv.log).toEqual([
      { method: "GET", path: "/api/health", status: 200 },
      { method: "GET", path: "/api/v1/provisioning/alert-rules/x", status: 404 },
    ]);
    expect(srv.callCount({ pathPrefix: "/api/v1/" })).toBe(1);
    srv.resetLog();
    expect(srv.callCount()).toBe(0);
  });

  it("answers 404 for what the client never calls, and 400 naming the definition for a bad policy tree", async () => {
    expect((await req("GET", "/v1/provisioning/templates")).status).toBe(404);
    expect((await req("PATCH", "/v1/provisioning/policies", { body: {} })).status).toBe(404);
    const bad = await req("PUT", "/v1/provisioning/policies", { body: { routes: [{ object_matchers: [["team", "~", "a"]] }] } });
    expect(bad.status).toBe(400);
    expect(bad.json?.message).toContain("Route");
  });
});
