import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as ackRoute, DELETE as unackRoute } from "@/app/api/findings/[id]/ack/route";
import { POST as resolveRoute } from "@/app/api/findings/[id]/resolve/route";
import { POST as ackByLink } from "@/app/api/ack/[token]/route";
import { GET as findingsRoute } from "@/app/api/apps/[appId]/findings/route";
import { db } from "@/lib/db/client";
import { runDetection } from "@/lib/findings/run-detection";
import { portalMetrics } from "@/lib/metrics/registry";
import { call } from "./support/http";
import { startSmtp, startWebhook } from "./support/listeners";
import { ackTokenFrom, floorThreshold, mailText, mailsTo, oncallTeam, seedTraffic } from "./support/oncall";
import { makeUser } from "./support/world";

const NOW = Date.UTC(2026, 10, 21, 3, 15);

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => smtp.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe("a crash and a floor breach of one app at one time", () => {
  it("page the owner once, as one incident with one signed ack link, by webhook and email", async () => {
    const [ownerHook, backupHook, leadHook] = await Promise.all([startWebhook(), startWebhook(), startWebhook()]);
    const w = await oncallTeam({ owner: ownerHook.url, backup: backupHook.url, lead: leadHook.url });
    await seedTraffic(w.app.id, NOW, { crashLast: 2 });
    await floorThreshold(w.app.id);

    await runDetection({ appId: w.app.appId, now: new Date(NOW) });
    const open = await db().finding.findMany({ where: { appRef: w.app.id, status: "open" }, orderBy: { detector: "asc" } });
    expect(open.map((f) => [f.detector, f.pageState])).toEqual([["crash", "paged"], ["threshold", "paged"]]);

    // one message per person: one webhook body and one email, each with both findings in one incident
    expect(ownerHook.received).toHaveLength(1);
    const body = ownerHook.received[0] as Body;
    expect(body.portal.incidents).toHaveLength(1);
    expect([...body.portal.incidents[0].detectors].sort()).toEqual(["crash", "threshold"]);
    expect(body.text).toBe(`[CRITICAL] App ${w.app.appId}: ${body.portal.incidents[0].detectors.map((d: string) => (d === "crash" ? "crash" : "threshold breach")).join(" + ")}`);
    const mails = mailsTo(smtp.mails, w.owner.email);
    expect(mails).toHaveLength(1);
    const text = mailText(mails[0]?.raw ?? "");
    expect(text).toContain(`Acknowledge: ${body.portal.incidents[0].ackUrl}`);
    expect(text).toMatch(/Traffic fell to 0 req\/s/);
    // the idempotency key of the email's rows is its Message-ID (the webhook's rows have their own)
    expect(mails[0]?.raw).toMatch(/Message-ID: <[0-9a-f]{32}@test\.example>/i);
    expect(body.portal.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(backupHook.received).toHaveLength(0);
    expect(leadHook.received).toHaveLength(0);

    // the link acknowledges both findings of the incident as the owner, without a session
    const token = ackTokenFrom(body.portal.incidents[0].ackUrl);
    const acked = await call(ackByLink, "POST", { params: { token } });
    expect(acked.status).toBe(200);
    expect(acked.body.items).toHaveLength(2);
    expect(acked.body.items[0].acknowledgedBy.email).toBe(w.owner.email);
    // the same link again answers with the same acknowledgement
    const again = await call(ackByLink, "POST", { params: { token } });
    expect(again.body.items.map((a: Body) => a.acknowledgedAt)).toEqual(acked.body.items.map((a: Body) => a.acknowledgedAt));

    // the app page's API shows who acknowledged and when
    const list = await call(findingsRoute, "GET", { as: w.lead, params: { appId: w.app.appId }, query: { status: "open" } });
    expect(list.body.items.every((f: Body) => f.acknowledgedBy?.email === w.owner.email && f.acknowledgedAt)).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { appRef: w.app.id, action: "finding.acknowledged" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorId === w.owner.id && a.after?.includes('"via":"link"'))).toBe(true);
    const ack = await portalMetrics().registry.getSingleMetricAsString("portal_finding_ack_seconds");
    expect(ack).toMatch(/portal_finding_ack_seconds_count\{severity="critical"\} [1-9]/);
    await Promise.all([ownerHook.close(), backupHook.close(), leadHook.close()]);
  });
});

describe("POST /api/findings/:id/ack", () => {
  async function openCrash() {
    const hook = await startWebhook();
    const w = await oncallTeam({ owner: hook.url, backup: hook.url, lead: hook.url });
    const finding = await db().finding.create({
      data: {
        appRef: w.app.id, detector: "crash", severity: "critical", openKey: `${w.app.id}:crash`, startedAt: new Date(NOW), observed: 0, expected: 100,
        deviation: 1, windowFrom: new Date(NOW), windowTo: new Date(NOW), explanation: "Traffic fell to 0 req/s", pageState: "paged",
      },
    });
    await hook.close();
    return { ...w, finding };
  }

  it("lets the backup acknowledge; a second ack answers the same; others get 403, unknown ids 404", async () => {
    const w = await openCrash();
    const outsider = await makeUser({ name: "outsider" });
    expect((await call(ackRoute, "POST", { as: outsider, params: { id: w.finding.id } })).status).toBe(403);
    expect((await call(ackRoute, "POST", { as: w.backup, params: { id: "nope" } })).status).toBe(404);
    expect((await call(ackRoute, "POST", { params: { id: w.finding.id } })).status).toBe(401);
    const first = await call(ackRoute, "POST", { as: w.backup, params: { id: w.finding.id } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ acknowledgedBy: { email: w.backup.email, name: expect.any(String) }, acknowledgedAt: expect.any(String) });
    const second = await call(ackRoute, "POST", { as: w.lead, params: { id: w.finding.id } });
    expect(second.body).toEqual(first.body);
    expect(await db().auditEvent.count({ where: { appRef: w.app.id, action: "finding.acknowledged" } })).toBe(1);
  });

  it("takes an acknowledgement back only with a reason, audited", async () => {
    const w = await openCrash();
    await call(ackRoute, "POST", { as: w.owner, params: { id: w.finding.id } });
    const missing = await call(unackRoute, "DELETE", { as: w.owner, params: { id: w.finding.id }, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toEqual({ reason: "is required" });
    expect((await db().finding.findUniqueOrThrow({ where: { id: w.finding.id } })).acknowledgedAt).not.toBeNull();
    const ok = await call(unackRoute, "DELETE", { as: w.lead, params: { id: w.finding.id }, body: { reason: "owner is off sick" } });
    expect(ok.status).toBe(200);
    expect((await db().finding.findUniqueOrThrow({ where: { id: w.finding.id } })).acknowledgedAt).toBeNull();
    const a = await db().auditEvent.findFirstOrThrow({ where: { appRef: w.app.id, action: "finding.unacknowledged" } });
    expect(a.reason).toBe("owner is off sick");
    expect(a.actorId).toBe(w.lead.id);
    expect((await call(unackRoute, "DELETE", { as: w.lead, params: { id: w.finding.id }, body: { reason: "again" } })).status).toBe(409);
  });

  it("resolves by hand with a reason; then acknowledging it is a conflict", async () => {
    const w = await openCrash();
    expect((await call(resolveRoute, "POST", { as: w.owner, params: { id: w.finding.id }, body: { reason: " " } })).status).toBe(422);
    const ok = await call(resolveRoute, "POST", { as: w.owner, params: { id: w.finding.id }, body: { reason: "load balancer drained it on purpose" } });
    expect(ok.status).toBe(200);
    const row = await db().finding.findUniqueOrThrow({ where: { id: w.finding.id } });
    expect([row.status, row.openKey, row.resolvedById, row.resolveReason]).toEqual(["resolved", null, w.owner.id, "load balancer drained it on purpose"]);
    expect((await call(resolveRoute, "POST", { as: w.owner, params: { id: w.finding.id }, body: { reason: "twice" } })).status).toBe(409);
    expect((await call(ackRoute, "POST", { as: w.owner, params: { id: w.finding.id } })).status).toBe(409);
    expect(await db().auditEvent.count({ where: { appRef: w.app.id, action: "finding.resolved_by_hand" } })).toBe(1);
  });

  it("refuses a forged, tampered or expired link without acknowledging anything", async () => {
    const w = await openCrash();
    const { signAckToken } = await import("@/lib/notify/ack-token");
    const { sessionSecret } = await import("@/lib/auth/secret");
    const forged = signAckToken("another-secret-another-secret-another", { findingIds: [w.finding.id], userId: w.owner.id, expiresAt: Date.now() + 60_000 });
    expect((await call(ackByLink, "POST", { params: { token: forged } })).status).toBe(404);
    const expired = signAckToken(sessionSecret(), { findingIds: [w.finding.id], userId: w.owner.id, expiresAt: Date.now() - 1 });
    const gone = await call(ackByLink, "POST", { params: { token: expired } });
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/expired/);
    expect((await db().finding.findUniqueOrThrow({ where: { id: w.finding.id } })).acknowledgedAt).toBeNull();
  });
});
