import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getApp } from "@/app/api/apps/[appId]/route";
import { POST as confirmRoute } from "@/app/api/apps/[appId]/confirm/route";
import { GET as listRoute } from "@/app/api/apps/route";
import { GET as overviewRoute } from "@/app/api/overview/route";
import { GET as getSettings, PUT as putSettings } from "@/app/api/teams/[team]/stewardship/route";
import { db } from "@/lib/db/client";
import { deliverDue } from "@/lib/notify/deliver";
import { queueReminders, runStewardshipDaily, writeCoverageSnapshots } from "@/lib/ownership/stewardship-jobs";
import { call } from "./support/http";
import { startWebhook } from "./support/listeners";
import { seedTraffic, withContacts } from "./support/oncall";
import { makeApp, makeTeam, makeUser, makeWorld, tokenFor } from "./support/world";

const DAY = 86_400_000;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

const codes = (app: Body) => app.stewardship.reasons.map((r: { code: string }) => r.code);

async function thresholdsSetDaysAgo(appRef: string, days: number, floorRps: number, ceilingRps: number | null = null) {
  await db().thresholdVersion.create({
    data: { appRef, version: 1, floorRps, ceilingRps, forDuration: "5m", severity: "warning", enabled: true, reason: "test", createdAt: new Date(Date.now() - days * DAY) },
  });
}

/** A team whose owner and backup have webhooks (reachable), and an owned app with fitting thresholds. */
async function keptTeam() {
  const w = await makeWorld();
  const hook = "http://127.0.0.1:9/hook"; // refused at once if a reminder is ever sent there
  await withContacts(w.owner, hook, false);
  const backup = await withContacts(await makeUser({ teamId: w.team.id, name: "backup" }), hook, false);
  const app = await makeApp(w.team.id, w.owner.id, backup.id);
  await thresholdsSetDaysAgo(app.id, 20, 50);
  return { ...w, backup, app };
}

describe("stewardship of an app", () => {
  it("a kept app is gold with no reasons; each broken fact adds its reason in words", async () => {
    const w = await keptTeam();
    // (as the lead: a team change ends the owner's own sessions)
    const view = async () => (await call(getApp, "GET", { as: w.lead, params: { appId: w.app.appId } })).body.app;
    expect((await call(getApp, "GET", { as: w.owner, params: { appId: w.app.appId } })).body.app.canConfirm).toBe(true);
    let app = await view();
    expect(app.stewardship).toMatchObject({ stale: false, reasons: [], confirmedAt: null });
    expect(app.scorecard).toEqual({ level: "gold", missing: [] });
    expect(app.canConfirm).toBe(false);
    expect(app.worstFinding).toBeNull();

    // not confirmed within the team's interval (the ownership started 100 days ago)
    await db().ownership.update({ where: { appRef: w.app.id }, data: { since: new Date(Date.now() - 100 * DAY) } });
    app = await view();
    expect(codes(app)).toEqual(["not_confirmed"]);
    expect(app.stewardship.stale).toBe(true);
    expect(app.stewardship.reasons[0].text).toMatch(/has not confirmed this app is still theirs: never confirmed since taking it over 100 days ago; the team asks every 90 days\./);

    // owner left the team, then deactivated: the backup still answers, so reachable
    await db().user.update({ where: { id: w.owner.id }, data: { teamId: w.other.id } });
    expect(codes(await view())).toEqual(["not_confirmed", "owner_left_team"]);
    await db().user.update({ where: { id: w.owner.id }, data: { teamId: w.team.id, active: false, deactivatedAt: new Date() } });
    app = await view();
    expect(codes(app)).toEqual(["not_confirmed", "owner_inactive"]);
    expect(app.scorecard.level).toBe("none");
    await db().user.update({ where: { id: w.owner.id }, data: { active: true, deactivatedAt: null } });

    // nobody reachable: the backup has no contact and the owner is away
    await db().user.update({ where: { id: w.backup.id }, data: { notifyWebhook: null } });
    await db().user.update({ where: { id: w.owner.id }, data: { awayFrom: new Date(Date.now() - DAY), awayUntil: new Date(Date.now() + DAY) } });
    app = await view();
    expect(codes(app)).toEqual(["not_confirmed", "owner_unreachable"]);
    expect(app.stewardship.reasons[1].text).toMatch(/is away, and the backup .* cannot be reached either\./);
  });

  it("thresholds_outdated from the stored traffic (median of daily means vs. thresholds), no_thresholds, findings_ignored", async () => {
    const w = await keptTeam();
    // ~200 req/s for 10 days against a floor of 50: fits
    await seedTraffic(w.app.id, Date.now(), { days: 10 });
    const view = async (appId = w.app.appId) => (await call(getApp, "GET", { as: w.owner, params: { appId } })).body.app;
    expect(codes(await view())).toEqual([]);
    // a floor of 5 is under a tenth of the usual traffic
    const outdated = await makeApp(w.team.id, w.owner.id, w.backup.id);
    await thresholdsSetDaysAgo(outdated.id, 20, 5);
    await seedTraffic(outdated.id, Date.now(), { days: 10 });
    const o = await view(outdated.appId);
    expect(codes(o)).toEqual(["thresholds_outdated"]);
    expect(o.stewardship.reasons[0].text).toMatch(/^Traffic has usually been \d+ req\/s lately, more than 10× the floor of 5 req\/s/);
    expect(o.scorecard.level).toBe("gold"); // outdated thresholds are stale, but the scorecard asks only that thresholds exist

    const bare = await makeApp(w.team.id, w.owner.id, w.backup.id);
    const b = await view(bare.appId);
    expect(codes(b)).toEqual(["no_thresholds"]);
    expect(b.scorecard).toEqual({ level: "bronze", missing: ["thresholds"] });

    // a paged critical finding unacknowledged for an hour (the default escalation takes 20 minutes)
    const started = new Date(Date.now() - 3_600_000);
    await db().finding.create({
      data: {
        appRef: w.app.id, detector: "crash", severity: "critical", openKey: `${w.app.id}:crash`, startedAt: started, observed: 0, expected: 200, deviation: 1,
        windowFrom: started, windowTo: started, explanation: "crash", pageState: "paged",
      },
    });
    const f = await view();
    expect(codes(f)).toEqual(["findings_ignored"]);
    expect(f.stewardship.reasons[0].text).toBe("1 critical finding was not acknowledged within the 20 min the escalation takes (last 30 days).");
    expect(f.worstFinding).toMatchObject({ severity: "critical", detector: "crash", count: 1 });
    expect(f.scorecard).toEqual({ level: "silver", missing: ["no ignored critical findings"] });
  });
});

describe("POST /api/apps/{appId}/confirm", () => {
  it("the owner confirms: confirmedAt is set, not_confirmed goes away, and it is audited", async () => {
    const w = await keptTeam();
    await db().ownership.update({ where: { appRef: w.app.id }, data: { since: new Date(Date.now() - 100 * DAY) } });
    const res = await call(confirmRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { note: "still running it" } });
    expect(res.status).toBe(200);
    expect(res.body.app.stewardship.confirmedAt).not.toBeNull();
    expect(codes(res.body.app)).toEqual([]);
    const row = await db().app.findUniqueOrThrow({ where: { id: w.app.id } });
    expect(row.confirmedAt?.toISOString()).toBe(res.body.app.stewardship.confirmedAt);
    const audit = await db().auditEvent.findMany({ where: { appRef: w.app.id, action: "app.confirmed" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.owner.id, reason: "still running it", before: JSON.stringify({ confirmedAt: null }) });
    // without a body too, and with the owner's write token
    expect((await call(confirmRoute, "POST", { as: { token: await tokenFor(w.owner) }, params: { appId: w.app.appId } })).status).toBe(200);
  });

  it("403 for anyone but the owner (the lead and admins too), 404 for an unknown app, 422 naming the field; nothing changes", async () => {
    const w = await keptTeam();
    for (const who of [w.lead, w.admin, w.engineer, w.backup]) {
      const res = await call(confirmRoute, "POST", { as: who, params: { appId: w.app.appId } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const unowned = await makeApp(w.team.id);
    expect((await call(confirmRoute, "POST", { as: w.owner, params: { appId: unowned.appId } })).status).toBe(403);
    const missing = await call(confirmRoute, "POST", { as: w.owner, params: { appId: "no-such-app" } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
    const bad = await call(confirmRoute, "POST", { as: w.owner, params: { appId: w.app.appId }, body: { note: 5 } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["note"]);
    expect((await db().app.findUniqueOrThrow({ where: { id: w.app.id } })).confirmedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { appRef: w.app.id, action: "app.confirmed" } })).toBe(0);
  });
});

describe("GET/PUT /api/teams/{team}/stewardship", () => {
  it("the team's lead or an admin reads and sets confirmEveryDays (default 90); audited; the app's due date follows", async () => {
    const w = await keptTeam();
    const read = await call(getSettings, "GET", { as: w.lead, params: { team: w.team.slug } });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ team: w.team.slug, confirmEveryDays: 90, isDefault: true, canEdit: true });
    const put = await call(putSettings, "PUT", { as: w.admin, params: { team: w.team.slug }, body: { confirmEveryDays: 30 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ confirmEveryDays: 30, isDefault: false });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "stewardship.changed", actorId: w.admin.id } });
    expect(JSON.parse(audit.after ?? "")).toEqual({ team: w.team.slug, confirmEveryDays: 30 });
    expect(JSON.parse(audit.before ?? "")).toEqual({ team: w.team.slug, confirmEveryDays: 90 });
    await db().ownership.update({ where: { appRef: w.app.id }, data: { since: new Date(Date.now() - 40 * DAY) } });
    const app = (await call(getApp, "GET", { as: w.owner, params: { appId: w.app.appId } })).body.app;
    expect(codes(app)).toEqual(["not_confirmed"]);
  });

  it("403 for others (another team's lead too), 404 for an unknown team, 422 naming confirmEveryDays outside 7..365", async () => {
    const w = await keptTeam();
    for (const who of [w.owner, w.engineer, w.outsiderLead]) {
      expect((await call(getSettings, "GET", { as: who, params: { team: w.team.slug } })).status).toBe(403);
      expect((await call(putSettings, "PUT", { as: who, params: { team: w.team.slug }, body: { confirmEveryDays: 30 } })).status).toBe(403);
    }
    expect((await call(putSettings, "PUT", { as: w.admin, params: { team: "no-such-team" }, body: { confirmEveryDays: 30 } })).status).toBe(404);
    for (const bad of [6, 366, 30.5, "30"]) {
      const res = await call(putSettings, "PUT", { as: w.lead, params: { team: w.team.slug }, body: { confirmEveryDays: bad } });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual(["confirmEveryDays"]);
    }
    expect((await db().team.findUniqueOrThrow({ where: { id: w.team.id } })).confirmEveryDays).toBe(90);
  });
});

describe("the lists and the lead's risk view", () => {
  it("filters All apps by stale / no_thresholds / alerting / person and sorts by worst finding, with health on every row", async () => {
    const w = await keptTeam();
    const bare = await makeApp(w.team.id, w.owner.id, w.backup.id);
    const unowned = await makeApp(w.team.id);
    const started = new Date();
    await db().finding.create({
      data: {
        appRef: unowned.id, detector: "no_data", severity: "warning", openKey: `${unowned.id}:no_data`, startedAt: started, observed: 0, expected: 1, deviation: 1,
        windowFrom: started, windowTo: started, explanation: "no data", pageState: "paged",
      },
    });
    const list = async (query: Record<string, string>) => {
      const res = await call(listRoute, "GET", { as: w.lead, query: { team: w.team.slug, ...query } });
      expect(res.status).toBe(200);
      return res.body;
    };
    const ids = (b: Body) => b.items.map((a: { appId: string }) => a.appId);
    expect(ids(await list({ filter: "stale" }))).toEqual([bare.appId]);
    expect(ids(await list({ filter: "no_thresholds" })).sort()).toEqual([bare.appId, unowned.appId].sort());
    expect(ids(await list({ filter: "alerting" }))).toEqual([unowned.appId]);
    expect(ids(await list({ filter: "alerting_unreachable" }))).toEqual([unowned.appId]);
    expect(ids(await list({ finding: "warning" }))).toEqual([unowned.appId]);
    expect(ids(await list({ person: w.backup.email })).sort()).toEqual([w.app.appId, bare.appId].sort());
    expect(ids(await list({ level: "gold" }))).toEqual([w.app.appId]);
    expect(ids(await list({ level: "none" }))).toEqual([unowned.appId]);
    const sorted = await list({ sort: "finding" });
    expect(ids(sorted)[0]).toBe(unowned.appId);
    expect(sorted.items[0]).toMatchObject({ worstFinding: { severity: "warning", detector: "no_data" }, sync: "not_configured" });
    const plain = await list({});
    expect(plain.items.find((a: Body) => a.appId === bare.appId)).toMatchObject({ stale: true, reasons: ["no_thresholds"], level: "bronze", worstFinding: null });
    // paging by position through a computed list
    const first = await list({ sort: "finding", limit: "2" });
    expect(first.nextCursor).toBe("@2");
    const rest = await list({ sort: "finding", limit: "2", cursor: "@2" });
    expect([...ids(first), ...ids(rest)]).toEqual(ids(sorted));
    const bad = await call(listRoute, "GET", { as: w.lead, query: { filter: "rotten" } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["filter"]);
  });

  it("GET /api/overview: per team alerting (and nobody reachable), unowned by traffic, without thresholds, stale, MTTA, coverage and who answers", async () => {
    const w = await keptTeam();
    const quiet = await makeApp(w.team.id);
    const busy = await makeApp(w.team.id);
    await seedTraffic(busy.id, Date.now(), { days: 2 });
    await makeApp(w.team.id, w.owner.id); // no backup, no thresholds: stale
    const started = new Date(Date.now() - 600_000);
    await db().finding.create({
      data: {
        appRef: quiet.id, detector: "crash", severity: "critical", openKey: `${quiet.id}:crash`, startedAt: started, observed: 0, expected: 1, deviation: 1,
        windowFrom: started, windowTo: started, explanation: "crash", pageState: "paged",
      },
    });
    await db().finding.create({
      data: {
        appRef: w.app.id, detector: "crash", severity: "critical", startedAt: started, resolvedAt: new Date(), status: "resolved", observed: 0, expected: 1, deviation: 1,
        windowFrom: started, windowTo: started, explanation: "crash", pageState: "paged", acknowledgedAt: new Date(started.getTime() + 4 * 60_000), acknowledgedById: w.owner.id,
      },
    });
    await writeCoverageSnapshots();
    const res = await call(overviewRoute, "GET", { as: w.lead });
    expect(res.status).toBe(200);
    const team = res.body.risk.teams.find((t: Body) => t.slug === w.team.slug);
    expect(team).toMatchObject({ apps: 4, alerting: 1, alertingUnreachable: 1, unowned: 2, noThresholds: 3, stale: 1, mttaMs: 4 * 60_000, acknowledged: 1, confirmEveryDays: 90 });
    expect(team.unownedByTraffic.map((u: Body) => u.appId)).toEqual([busy.appId, quiet.appId]);
    expect(team.unownedByTraffic[0].recentRps).toBeGreaterThan(10);
    expect(team.coverage).toHaveLength(1);
    expect(team.coverage[0]).toMatchObject({ apps: 4, owned: 2, withBackup: 1, reachable: 2 });
    expect(team.scorecard).toEqual({ none: 2, bronze: 1, silver: 0, gold: 1 });
    const owner = res.body.risk.people.find((p: Body) => p.email === w.owner.email);
    expect(owner.owns).toHaveLength(2);
    expect(owner.answersNow).toBe(2);
    // the coverage table is unchanged
    expect(res.body.teams.find((t: Body) => t.slug === w.team.slug)).toMatchObject({ apps: 4, owned: 2, unowned: 2 });
    // a second snapshot the same day replaces the first
    await writeCoverageSnapshots();
    expect(await db().coverageSnapshot.count({ where: { teamId: w.team.id } })).toBe(1);
  });
});

describe("daily reminders", () => {
  let owner: Awaited<ReturnType<typeof startWebhook>>;
  let lead: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    owner = await startWebhook();
    lead = await startWebhook();
  });
  afterAll(async () => {
    await owner.close();
    await lead.close();
  });

  it("queues one message per owner with their apps due and one per lead with the team's stale apps, once per day; delivered through lib/notify", async () => {
    const team = await makeTeam();
    const o = await withContacts(await makeUser({ teamId: team.id, name: "owner" }), owner.url, false);
    const l = await withContacts(await makeUser({ role: "lead", teamId: team.id, name: "lead" }), lead.url, false);
    const due1 = await makeApp(team.id, o.id);
    const due2 = await makeApp(team.id, o.id);
    const fresh = await makeApp(team.id, o.id);
    await db().ownership.updateMany({ where: { appRef: { in: [due1.id, due2.id] } }, data: { since: new Date(Date.now() - 100 * DAY) } });
    await db().app.update({ where: { id: fresh.id }, data: { confirmedAt: new Date() } });

    const first = await runStewardshipDaily();
    expect(first.alreadyDone).toBe(false);
    expect(first.queued).toBeGreaterThanOrEqual(2);
    const again = await queueReminders();
    expect(again).toMatchObject({ alreadyDone: true, queued: 0 });
    const rows = await db().notification.findMany({ where: { event: "reminder", userId: { in: [o.id, l.id] } } });
    expect(rows.map((r) => r.userId).sort()).toEqual([o.id, l.id].sort());

    await deliverDue();
    expect(owner.received).toHaveLength(1);
    const toOwner = owner.received[0] as Body;
    expect(toOwner.text).toBe("[STEWARDSHIP] Still yours? 2 apps due for confirmation");
    expect(toOwner.portal.reminders[0].apps.map((a: Body) => a.appId).sort()).toEqual([due1.appId, due2.appId].sort());
    expect(lead.received).toHaveLength(1);
    const toLead = lead.received[0] as Body;
    expect(toLead.portal.reminders[0].kind).toBe("stale");
    // fresh has no thresholds: stale too, so the lead hears about all three
    expect(toLead.portal.reminders[0].apps.map((a: Body) => a.appId).sort()).toEqual([due1.appId, due2.appId, fresh.appId].sort());
  });
});
