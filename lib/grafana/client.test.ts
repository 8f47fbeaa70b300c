import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { app, ruleSettings } from "../../test/grafana/fixtures";
import { startGrafanaContractServer, type GrafanaContractServer } from "../../test/grafana/contract-server";
import { buildAppRule } from "./build-app-rule";
import { buildTeamFolder, buildTeamRuleGroup } from "./build-team";
import { createGrafanaClient, type GrafanaClientOptions } from "./client";
import { buildContactPoint } from "./contact-points";
import { GrafanaError } from "./errors";
import { mergePolicyTree } from "./policy-merge";

let srv: GrafanaContractServer;
beforeEach(async () => {
  srv = await startGrafanaContractServer();
});
afterEach(async () => {
  await srv.close();
});

const clientFor = (o: Partial<GrafanaClientOptions> = {}) => createGrafanaClient({ url: srv.url, token: srv.token, ...o });
const rule = (appId: string, t = {}) => ({ ...buildAppRule(app(appId, "payments", t), ruleSettings), uid: `op-app-${appId}` });

async function failure(p: Promise<unknown>): Promise<GrafanaError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (err instanceof GrafanaError) return err;
  throw new Error(`expected a GrafanaError, got ${String(err)}`);
}

describe("createGrafanaClient", () => {
  it("checks health", async () => {
    expect(await clientFor().health()).toMatchObject({ database: "ok" });
  });

  it("ensures a folder: creates it once, then finds it with a single GET", async () => {
    const c = clientFor();
    expect((await c.ensureFolder(buildTeamFolder("payments"))).created).toBe(true);
    srv.resetLog();
    expect((await c.ensureFolder(buildTeamFolder("payments"))).created).toBe(false);
    expect(srv.callCount()).toBe(1);
  });

  it("reports a folder title held by another uid as a conflict", async () => {
    const c = clientFor();
    await c.ensureFolder({ uid: "someone-else", title: "payments (ownership portal)" });
    const err = await failure(c.ensureFolder(buildTeamFolder("payments")));
    expect([err.code, err.retryable]).toEqual(["conflict", false]);
  });

  it("upserts, reads, lists and deletes single rules", async () => {
    const c = clientFor();
    await c.ensureFolder(buildTeamFolder("payments"));
    const first = await c.upsertRule(rule("a"));
    expect(first.created).toBe(true);
    expect(first.rule).toMatchObject({ provenance: "api", id: expect.any(Number) });
    expect((await c.upsertRule(rule("a", { floorRps: 99 }))).created).toBe(false);
    expect(srv.state.rules.get("op-app-a")?.data[2]?.model.conditions).toEqual([{ evaluator: { type: "lt", params: [99] } }]);
    expect(await c.getRule("op-app-missing")).toBeNull();
    expect((await c.listRules()).map((r) => r.uid)).toEqual(["op-app-a"]);
    await c.deleteRule("op-app-a");
    await c.deleteRule("op-app-a");
    expect(await c.getRule("op-app-a")).toBeNull();
  });

  it("pushes a whole team group in one PUT and reads it back", async () => {
    const c = clientFor();
    await c.ensureFolder(buildTeamFolder("payments"));
    const group = buildTeamRuleGroup("payments", [app("a", "payments"), app("b", "payments")], ruleSettings);
    srv.resetLog();
    await c.putRuleGroup(group);
    expect(srv.callCount()).toBe(1);
    expect((await c.getRuleGroup(group.folderUid, group.title))?.rules).toHaveLength(3);
    expect(await c.getRuleGroup(group.folderUid, "nope")).toBeNull();
  });

  it("refuses a bad body before any HTTP call", async () => {
    const c = clientFor();
    const err = await failure(c.putRuleGroup({ title: "g", folderUid: "f", interval: 15, rules: [] }));
    expect(err.code).toBe("invalid_request");
    expect(err.message).toContain("multiple of 10");
    expect(srv.callCount()).toBe(0);
  });

  it("maps a provenance mismatch (500) to a non-retryable provenance_conflict", async () => {
    await clientFor().ensureFolder(buildTeamFolder("payments"));
    await clientFor().createRule(rule("a"));
    const err = await failure(clientFor({ provenance: "editable" }).updateRule(rule("a")));
    expect([err.code, err.status, err.retryable]).toEqual(["provenance_conflict", 500, false]);
  });

  it("manages contact points and the policy tree, and surfaces 409 when one is in use", async () => {
    const c = clientFor();
    const cp = { ...buildContactPoint({ email: "a@x.io", channel: { kind: "email", address: "a@x.io" } }), uid: "op-person-a" };
    expect(await c.upsertContactPoint(cp)).toEqual({ created: true });
    expect(await c.upsertContactPoint({ ...cp, settings: { addresses: "a2@x.io" } })).toEqual({ created: false });
    await c.putPolicies(mergePolicyTree(await c.getPolicies(), [{ email: "a@x.io" }]));
    expect((await c.getPolicies()).routes?.[0]?.receiver).toBe("portal-responder-a@x.io");
    const err = await failure(c.deleteContactPoint("op-person-a"));
    expect([err.code, err.status, err.messageId, err.retryable]).toEqual(["conflict", 409, "alerting.notifications.contact-points.referenced", false]);
    await c.putPolicies(mergePolicyTree(await c.getPolicies(), []));
    await c.deleteContactPoint("op-person-a");
    expect((await c.listContactPoints()).map((x) => x.uid)).not.toContain("op-person-a");
  });

  it("marks 5xx and 429 retryable, 401 not", async () => {
    srv.failures.set({ mode: "5xx", count: 1 });
    const e503 = await failure(clientFor().listRules());
    expect([e503.code, e503.status, e503.retryable]).toEqual(["server", 503, true]);
    srv.failures.set({ mode: "5xx", status: 429, count: 1 });
    expect((await failure(clientFor().listRules())).code).toBe("rate_limited");
    const e401 = await failure(clientFor({ token: "wrong" }).listRules());
    expect([e401.code, e401.retryable]).toEqual(["unauthorized", false]);
  });

  it("times out with a retryable error", async () => {
    srv.failures.set({ mode: "timeout" });
    const err = await failure(clientFor({ timeoutMs: 150 }).listRules());
    expect([err.code, err.retryable]).toEqual(["timeout", true]);
  });

  it("reports an unreachable Grafana as a retryable network error", async () => {
    const url = srv.url;
    await srv.close();
    const err = await failure(createGrafanaClient({ url, token: "t", timeoutMs: 1000 }).health());
    expect([err.code, err.retryable]).toEqual(["network", true]);
    srv = await startGrafanaContractServer();
  });
});
