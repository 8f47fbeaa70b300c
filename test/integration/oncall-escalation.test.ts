import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPolicy, PUT as putPolicy } from "@/app/api/teams/[team]/escalation/route";
import { POST as ackRoute } from "@/app/api/findings/[id]/ack/route";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { portalMetrics } from "@/lib/metrics/registry";
import { deliverDue } from "@/lib/notify/deliver";
import { escalateDue } from "@/lib/notify/escalate";
import { call } from "./support/http";
import { startSmtp, startWebhook } from "./support/listeners";
import { mailText, mailsTo, oncallTeam, seedTraffic } from "./support/oncall";
import { makeUser } from "./support/world";

const NOW = Date.UTC(2026, 10, 22, 2, 0);
const MIN = 60_000;

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

async function tick(at: number) {
  await escalateDue(new Date(at));
  await deliverDue(new Date(at));
}

describe("escalation", () => {
  it("pages the backup after 10 minutes and the lead after 20 while nobody acknowledges, then stops at the ack", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const [ownerHook, backupHook, leadHook] = hooks;
    const w = await oncallTeam({ owner: ownerHook.url, backup: backupHook.url, lead: leadHook.url });
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    const crash = await db().finding.findFirstOrThrow({ where: { appRef: w.app.id, detector: "crash" } });
    expect(ownerHook.received).toHaveLength(1);

    await tick(NOW + 9 * MIN);
    expect(backupHook.received).toHaveLength(0);
    await tick(NOW + 10 * MIN);
    expect(backupHook.received).toHaveLength(1);
    const toBackup = backupHook.received[0] as Body;
    expect(toBackup.text).toMatch(/\(escalated, not acknowledged\)$/);
    expect(toBackup.portal.incidents[0].escalation).toEqual({ step: 1, reason: "backup" });
    expect(mailText(mailsTo(smtp.mails, w.backup.email)[0]?.raw ?? "")).toContain("Escalated (step 1, you are backup)");
    // a second pass at the same time takes no step twice
    await tick(NOW + 11 * MIN);
    expect(backupHook.received).toHaveLength(1);
    expect(leadHook.received).toHaveLength(0);

    await tick(NOW + 20 * MIN);
    expect(leadHook.received).toHaveLength(1);
    expect((leadHook.received[0] as Body).portal.incidents[0].escalation).toEqual({ step: 2, reason: "lead" });

    // every step is a notification row with event "escalated" on the finding's timeline
    const rows = await db().notification.findMany({ where: { findingId: crash.id, channel: "webhook" }, orderBy: { step: "asc" } });
    expect(rows.map((r) => [r.event, r.step, r.userId, r.status])).toEqual([
      ["opened", 0, w.owner.id, "sent"],
      ["escalated", 1, w.backup.id, "sent"],
      ["escalated", 2, w.lead.id, "sent"],
    ]);
    const esc = await portalMetrics().registry.getSingleMetricAsString("portal_escalations_total");
    expect(esc).toMatch(/portal_escalations_total\{step="1"\} [1-9]/);
    expect(esc).toMatch(/portal_escalations_total\{step="2"\} [1-9]/);
    await Promise.all(hooks.map((h) => h.close()));
  });

  it("takes no step once the finding is acknowledged, and follows the team's own policy", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const [ownerHook, backupHook, leadHook] = hooks;
    const w = await oncallTeam({ owner: ownerHook.url, backup: backupHook.url, lead: leadHook.url });
    const admin = await makeUser({ role: "admin" });
    const put = await call(putPolicy, "PUT", { as: w.lead, params: { team: w.team.slug }, body: { steps: [{ after: "5m", notify: "lead" }], repeat: 1 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ steps: [{ after: "5m", notify: "lead" }], repeat: 1, isDefault: false });
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await runDetection({ appId: w.app.appId, now: new Date(NOW) });

    await tick(NOW + 5 * MIN);
    expect(leadHook.received).toHaveLength(1);
    expect(backupHook.received).toHaveLength(0);
    // repeat 1: the lead again after another 5 minutes, unless someone acknowledges
    const crash = await db().finding.findFirstOrThrow({ where: { appRef: w.app.id, detector: "crash" } });
    expect((await call(ackRoute, "POST", { as: admin, params: { id: crash.id } })).status).toBe(200);
    await tick(NOW + 30 * MIN);
    expect(leadHook.received).toHaveLength(1);
    expect((await db().finding.findUniqueOrThrow({ where: { id: crash.id } })).escalationSteps).toBe(1);
    await Promise.all(hooks.map((h) => h.close()));
  });

  it("falls through a step that reaches nobody: without a backup the lead hears after the backup's delay", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const [ownerHook, backupHook, leadHook] = hooks;
    const w = await oncallTeam({ owner: ownerHook.url, backup: backupHook.url, lead: leadHook.url });
    await db().ownership.update({ where: { appRef: w.app.id }, data: { backupId: null } });
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    const crash = await db().finding.findFirstOrThrow({ where: { appRef: w.app.id, detector: "crash" } });

    await tick(NOW + 9 * MIN);
    expect(leadHook.received).toHaveLength(0);
    await tick(NOW + 10 * MIN);
    expect(leadHook.received).toHaveLength(1);
    expect((leadHook.received[0] as Body).portal.incidents[0].escalation).toEqual({ step: 2, reason: "lead" });
    expect(backupHook.received).toHaveLength(0);
    expect((await db().finding.findUniqueOrThrow({ where: { id: crash.id } })).escalationSteps).toBe(2);
    // the lead's own step (20 m) takes nothing more: both steps are done
    await tick(NOW + 20 * MIN);
    expect(leadHook.received).toHaveLength(1);
    await Promise.all(hooks.map((h) => h.close()));
  });

  it("does not send an escalation queued just before the ack", async () => {
    const hooks = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const w = await oncallTeam({ owner: hooks[0].url, backup: hooks[1].url, lead: hooks[2].url });
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    await escalateDue(new Date(NOW + 10 * MIN));
    const crash = await db().finding.findFirstOrThrow({ where: { appRef: w.app.id, detector: "crash" } });
    await call(ackRoute, "POST", { as: w.owner, params: { id: crash.id } });
    await deliverDue(new Date(NOW + 10 * MIN));
    expect(hooks[1].received).toHaveLength(0);
    const skipped = await db().notification.findFirstOrThrow({ where: { findingId: crash.id, event: "escalated", channel: "webhook" } });
    expect(skipped.status).toBe("skipped");
    await Promise.all(hooks.map((h) => h.close()));
  });
});

describe("GET/PUT /api/teams/:team/escalation", () => {
  it("answers the default for a team without a policy", async () => {
    const w = await oncallTeam({ owner: "http://127.0.0.1:9/x", backup: "http://127.0.0.1:9/x", lead: "http://127.0.0.1:9/x" });
    const r = await call(getPolicy, "GET", { as: w.owner, params: { team: w.team.slug } });
    expect(r.body).toMatchObject({ steps: [{ after: "10m", notify: "backup" }, { after: "20m", notify: "lead" }], repeat: 0, isDefault: true, canEdit: false });
    expect((await call(getPolicy, "GET", { as: w.owner, params: { team: "no-such-team" } })).status).toBe(404);
  });

  it("lets only the team's lead or an admin change it, and names bad fields (422) without changing anything", async () => {
    const w = await oncallTeam({ owner: "http://127.0.0.1:9/x", backup: "http://127.0.0.1:9/x", lead: "http://127.0.0.1:9/x" });
    const outsiderLead = await makeUser({ role: "lead" });
    const good = { steps: [{ after: "1m", notify: "backup" }], repeat: 0 };
    expect((await call(putPolicy, "PUT", { as: w.owner, params: { team: w.team.slug }, body: good })).status).toBe(403);
    expect((await call(putPolicy, "PUT", { as: outsiderLead, params: { team: w.team.slug }, body: good })).status).toBe(403);
    const bad = await call(putPolicy, "PUT", {
      as: w.lead, params: { team: w.team.slug },
      body: { steps: [{ after: "30s", notify: "backup" }, { after: "20m", notify: "boss" }, { after: "10m", notify: "lead" }], repeat: 4 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toMatchObject({
      "steps.0.after": expect.stringMatching(/from 1m/), "steps.1.notify": expect.stringMatching(/backup, lead, admins/), repeat: "must be 0–3",
    });
    expect(await db().escalationPolicy.count({ where: { teamId: w.team.id } })).toBe(0);
    const order = await call(putPolicy, "PUT", { as: w.lead, params: { team: w.team.slug }, body: { steps: [{ after: "20m", notify: "backup" }, { after: "10m", notify: "lead" }] } });
    expect(order.body.error.fields).toEqual({ "steps.1.after": "must be later than the step before" });
    const ok = await call(putPolicy, "PUT", { as: w.lead, params: { team: w.team.slug }, body: good });
    expect(ok.status).toBe(200);
    expect(await db().auditEvent.count({ where: { actorId: w.lead.id, action: "escalation.changed" } })).toBe(1);
  });
});
