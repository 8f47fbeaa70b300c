import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/apps/[appId]/silences/route";
import { DELETE as endRoute } from "@/app/api/apps/[appId]/silences/[id]/route";
import { PUT as backupRoute } from "@/app/api/apps/[appId]/backup/route";
import { PUT as thresholdsRoute } from "@/app/api/apps/[appId]/thresholds/route";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { createGrafanaClient } from "@/lib/grafana/client";
import type { GrafanaRuntime } from "@/lib/grafana/server";
import { appRuleUid } from "@/lib/grafana/uids";
import { drainOutbox } from "@/lib/grafana-sync/drain";
import { enqueue } from "@/lib/outbox/enqueue";
import { deliverDue } from "@/lib/notify/deliver";
import { escalateDue } from "@/lib/notify/escalate";
import { syncSilences } from "@/lib/notify/silences";
import { startGrafanaContractServer, type GrafanaContractServer } from "@/test/grafana/contract-server";
import { call } from "./support/http";
import { startSmtp, startWebhook } from "./support/listeners";
import { floorThreshold, mailText, mailsTo, oncallTeam, seedTraffic } from "./support/oncall";
import { makeUser } from "./support/world";

const MIN = 60_000;
// the silence routes and the Grafana drain read the real clock: detection runs at real time too
const NOW = Math.floor(Date.now() / (5 * MIN)) * 5 * MIN;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let srv: GrafanaContractServer;
let grafana: GrafanaRuntime;
beforeAll(async () => {
  smtp = await startSmtp();
  srv = await startGrafanaContractServer();
  grafana = {
    settings: {
      url: srv.url, token: srv.token, datasourceUid: "prometheus", queryTemplate: 'sum(rate(http_requests_total{app="$appId"}[5m]))',
      groupIntervalSeconds: 60, provenance: "locked", portalUrl: "https://portal.example.com",
    },
    client: createGrafanaClient({ url: srv.url, token: srv.token, timeoutMs: 2_000 }),
  };
});
afterAll(async () => {
  await smtp.close();
  srv.close();
});
// other tests' outbox tasks never reach this Grafana
beforeEach(async () => {
  await db().outboxTask.deleteMany({});
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe("silences", () => {
  it("keep findings open but page nobody, hold escalation, and pause the app's Grafana rule for the window", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const w = await oncallTeam({ owner: hooks[0].url, backup: hooks[1].url, lead: hooks[2].url });
    await floorThreshold(w.app.id);
    await db().$transaction((tx) => enqueue(tx, "grafana.app", [w.app.appId]));
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(false);

    const until = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const from = new Date(NOW - 60 * MIN).toISOString();
    const created = await call(createRoute, "POST", { as: w.backup, params: { appId: w.app.appId }, body: { from, until, reason: "planned migration" } });
    expect(created.status).toBe(201);
    expect(created.body.silence).toMatchObject({ state: "active", reason: "planned migration", from, until, createdBy: { email: w.backup.email } });
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(true);

    // a crash during the silence: the findings open, shown as silenced; nobody hears, no escalation
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    const open = await db().finding.findMany({ where: { appRef: w.app.id, status: "open" } });
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.every((f) => f.pageState === "silenced" && f.silenceId === created.body.silence.id)).toBe(true);
    await escalateDue(new Date(NOW + 30 * MIN));
    await deliverDue(new Date(NOW + 30 * MIN));
    expect(hooks.map((h) => h.received.length)).toEqual([0, 0, 0]);
    expect(mailsTo(smtp.mails, w.owner.email)).toHaveLength(0);

    // ending it early resumes the rule; the silence stays on record
    const ended = await call(endRoute, "DELETE", { as: w.owner, params: { appId: w.app.appId, id: created.body.silence.id } });
    expect(ended.status).toBe(200);
    expect(ended.body.silence.state).toBe("over");
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(false);
    expect((await call(endRoute, "DELETE", { as: w.owner, params: { appId: w.app.appId, id: created.body.silence.id } })).status).toBe(409);
    const list = await call(listRoute, "GET", { as: w.lead, params: { appId: w.app.appId } });
    expect(list.body.items).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { appRef: w.app.id, action: { in: ["silence.created", "silence.ended"] } } })).toBe(2);
    await Promise.all(hooks.map((h) => h.close()));
  });

  it("start and end on their own through the outbox when the window comes and goes", async () => {
    const w = await oncallTeam({ owner: "http://127.0.0.1:9/x", backup: "http://127.0.0.1:9/x", lead: "http://127.0.0.1:9/x" });
    await floorThreshold(w.app.id);
    const from = new Date(Date.now() + 60 * MIN);
    const until = new Date(Date.now() + 120 * MIN);
    const r = await call(createRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { from: from.toISOString(), until: until.toISOString(), reason: "night maintenance" } });
    expect(r.body.silence.state).toBe("upcoming");
    await db().$transaction((tx) => enqueue(tx, "grafana.app", [w.app.appId]));
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(false);

    // the drain reads the clock itself: move the window around the real now
    await db().silence.update({ where: { id: r.body.silence.id }, data: { from: new Date(Date.now() - MIN) } });
    expect(await syncSilences(new Date())).toMatchObject({ started: 1 });
    expect(await syncSilences(new Date())).toMatchObject({ started: 0 });
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(true);

    await db().silence.update({ where: { id: r.body.silence.id }, data: { until: new Date(Date.now() - 1000) } });
    expect(await syncSilences(new Date())).toMatchObject({ ended: 1 });
    await drainOutbox({ grafana });
    expect(srv.state.rules.get(appRuleUid(w.app.appId))?.isPaused).toBe(false);
  });

  it("need a reason and a sensible window, and the app's people (422 names the field, 403, 404)", async () => {
    const w = await oncallTeam({ owner: "http://127.0.0.1:9/x", backup: "http://127.0.0.1:9/x", lead: "http://127.0.0.1:9/x" });
    const outsider = await makeUser({ name: "outsider" });
    const until = new Date(Date.now() + 30 * MIN).toISOString();
    const noReason = await call(createRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { until } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields).toEqual({ reason: "is required" });
    const past = await call(createRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { until: "2020-01-01T00:00:00Z", reason: "x" } });
    expect(past.body.error.fields).toEqual({ until: "must be after from" });
    const long = await call(createRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { until: new Date(Date.now() + 40 * 86_400_000).toISOString(), reason: "x" } });
    expect(long.body.error.fields).toEqual({ until: "must be at most 30 days after from" });
    expect((await call(createRoute, "POST", { as: outsider, params: { appId: w.app.appId }, body: { until, reason: "x" } })).status).toBe(403);
    expect((await call(createRoute, "POST", { as: w.owner, params: { appId: "no-such-app" }, body: { until, reason: "x" } })).status).toBe(404);
    expect(await db().silence.count({ where: { appRef: w.app.id } })).toBe(0);
  });
});

describe("change notices", () => {
  it("tell the owner and the backup when someone else changes the thresholds or the backup — never the one who did it", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const [ownerHook, backupHook, leadHook] = hooks;
    const w = await oncallTeam({ owner: ownerHook.url, backup: backupHook.url, lead: leadHook.url });
    const body = { floorRps: 3, for: "5m", severity: "critical", enabled: true, reason: "release 42 moved traffic" };
    expect((await call(thresholdsRoute, "PUT", { as: w.lead, params: { appId: w.app.appId }, body })).status).toBe(200);
    await deliverDue(new Date());
    expect(ownerHook.received).toHaveLength(1);
    expect(backupHook.received).toHaveLength(1);
    expect(leadHook.received).toHaveLength(0);
    const notice = (ownerHook.received[0] as Body).portal.notices[0];
    expect(notice).toMatchObject({ appId: w.app.appId, why: "release 42 moved traffic" });
    expect(notice.what).toMatch(/^changed the thresholds \(now version 1: floor 3 req\/s\)$/);
    expect(mailText(mailsTo(smtp.mails, w.owner.email).at(-1)?.raw ?? "")).toContain(`changed the thresholds (now version 1: floor 3 req/s) — "release 42 moved traffic"`);

    // the owner's own change announces nothing
    const own = await call(thresholdsRoute, "PUT", { as: w.owner, params: { appId: w.app.appId }, body: { ...body, floorRps: 4, reason: "mine" } });
    expect(own.status).toBe(200);
    await deliverDue(new Date());
    expect(ownerHook.received).toHaveLength(1);
    expect(backupHook.received).toHaveLength(1);

    // the lead names a new backup: the owner and both backups hear it
    const newBackup = await makeUser({ teamId: w.team.id, name: "newbackup" });
    const hook4 = await startWebhook();
    await db().user.update({ where: { id: newBackup.id }, data: { notifyWebhook: hook4.url } });
    expect((await call(backupRoute, "PUT", { as: w.lead, params: { appId: w.app.appId }, body: { email: newBackup.email } })).status).toBe(200);
    await deliverDue(new Date());
    expect(ownerHook.received).toHaveLength(2);
    expect((ownerHook.received[1] as Body).portal.notices[0].what).toMatch(/^changed the backup from .* to newbackup/);
    expect(backupHook.received).toHaveLength(2);
    expect(hook4.received).toHaveLength(1);
    expect(leadHook.received).toHaveLength(0);
    await Promise.all([...hooks, hook4].map((h) => h.close()));
  });
});
