import { describe, expect, it } from "vitest";
import { POST as claim } from "@/app/api/apps/[appId]/claim/route";
import { POST as release } from "@/app/api/apps/[appId]/release/route";
import { POST as transfer } from "@/app/api/apps/[appId]/transfer/route";
import { PUT as backup } from "@/app/api/apps/[appId]/backup/route";
import { GET as audit } from "@/app/api/apps/[appId]/audit/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeWorld } from "./support/world";

const ownershipOf = (appRef: string) => db().ownership.findUnique({ where: { appRef }, include: { owner: true, backup: true } });
const tasksFor = (appId: string) => db().outboxTask.findMany({ where: { kind: "grafana.app", subject: appId } });

describe("POST /api/apps/:appId/claim", () => {
  it("makes the caller owner, audits it and queues a sync in the same transaction", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id);
    const r = await call(claim, "POST", { as: w.engineer, params: { appId: app.appId } });
    expect(r.status).toBe(200);
    expect(r.body.app).toMatchObject({ owner: { email: w.engineer.email }, responder: { email: w.engineer.email } });
    const events = await call(audit, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(events.body.items[0]).toMatchObject({ action: "app.claimed", actor: { email: w.engineer.email }, after: { owner: w.engineer.email } });
    expect(await tasksFor(app.appId)).toHaveLength(1);
  });

  it("answers 409 already_owned naming the owner, 404 for an unknown app, 401 anonymously", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const r = await call(claim, "POST", { as: w.engineer, params: { appId: app.appId } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("already_owned");
    expect((await ownershipOf(app.id))?.ownerId).toBe(w.owner.id);
    expect((await call(claim, "POST", { as: w.engineer, params: { appId: "nope-nope" } })).status).toBe(404);
    expect((await call(claim, "POST", { params: { appId: app.appId } })).status).toBe(401);
  });
});

describe("PUT /api/apps/:appId/backup", () => {
  it("lets the owner set and clear the backup; the lead of the team may too", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const set = await call(backup, "PUT", { as: w.owner, params: { appId: app.appId }, body: { email: w.engineer.email } });
    expect(set.status).toBe(200);
    expect(set.body.app.backup).toEqual({ email: w.engineer.email, name: expect.any(String) });
    const cleared = await call(backup, "PUT", { as: w.lead, params: { appId: app.appId }, body: { email: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.app.backup).toBeNull();
  });

  it("refuses another engineer and a lead of another team (403), changing nothing", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.lead.id);
    for (const who of [w.engineer, w.outsiderLead]) {
      const r = await call(backup, "PUT", { as: who, params: { appId: app.appId }, body: { email: who.email } });
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/Only the owner/);
    }
    expect((await ownershipOf(app.id))?.backupId).toBe(w.lead.id);
  });

  it("names the field for an unknown user, a non-email or the owner themself (422)", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    for (const email of ["nobody@nowhere.example", "not-an-email", w.owner.email]) {
      const r = await call(backup, "PUT", { as: w.owner, params: { appId: app.appId }, body: { email } });
      expect(r.status).toBe(422);
      expect(r.body.error.fields).toHaveProperty("email");
    }
    expect((await ownershipOf(app.id))?.backupId).toBeNull();
  });

  it("answers 409 on an unowned app and 404 on an unknown one", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id);
    expect((await call(backup, "PUT", { as: w.admin, params: { appId: app.appId }, body: { email: w.engineer.email } })).status).toBe(409);
    expect((await call(backup, "PUT", { as: w.admin, params: { appId: "missing-app" }, body: { email: null } })).status).toBe(404);
  });
});

describe("POST /api/apps/:appId/transfer", () => {
  it("hands the app over with a required reason, recorded in the audit", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    const noReason = await call(transfer, "POST", { as: w.owner, params: { appId: app.appId }, body: { toEmail: w.engineer.email } });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error).toMatchObject({ message: "reason is required", fields: { reason: "is required" } });
    const r = await call(transfer, "POST", { as: w.owner, params: { appId: app.appId }, body: { toEmail: w.engineer.email, reason: "moving teams" } });
    expect(r.status).toBe(200);
    // the new owner was the backup: they cannot back themselves up
    expect(r.body.app).toMatchObject({ owner: { email: w.engineer.email }, backup: null });
    const events = await call(audit, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(events.body.items[0]).toMatchObject({ action: "app.transferred", reason: "moving teams", before: { owner: w.owner.email }, after: { owner: w.engineer.email } });
  });

  it("refuses the wrong person (403) and an unknown target (422)", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const r = await call(transfer, "POST", { as: w.engineer, params: { appId: app.appId }, body: { toEmail: w.engineer.email, reason: "mine now" } });
    expect(r.status).toBe(403);
    const unknown = await call(transfer, "POST", { as: w.owner, params: { appId: app.appId }, body: { toEmail: "ghost@nowhere.example", reason: "x" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields).toHaveProperty("toEmail");
    expect((await ownershipOf(app.id))?.ownerId).toBe(w.owner.id);
  });
});

describe("POST /api/apps/:appId/release", () => {
  it("lets an admin release any app; the app becomes unowned", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    const r = await call(release, "POST", { as: w.admin, params: { appId: app.appId }, body: { reason: "service retired" } });
    expect(r.status).toBe(200);
    expect(r.body.app).toMatchObject({ owner: null, backup: null, responder: null });
    expect(await ownershipOf(app.id)).toBeNull();
  });

  it("refuses another engineer (403), a second release (409) and a too-long reason (422)", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    expect((await call(release, "POST", { as: w.engineer, params: { appId: app.appId } })).status).toBe(403);
    const long = await call(release, "POST", { as: w.owner, params: { appId: app.appId }, body: { reason: "x".repeat(501) } });
    expect(long.status).toBe(422);
    expect((await call(release, "POST", { as: w.owner, params: { appId: app.appId } })).status).toBe(200);
    expect((await call(release, "POST", { as: w.owner, params: { appId: app.appId } })).status).toBe(409);
  });
});

describe("GET /api/apps/:appId/audit", () => {
  it("lists events newest first, 404 for an unknown app, 401 anonymously", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id);
    await call(claim, "POST", { as: w.owner, params: { appId: app.appId } });
    await call(backup, "PUT", { as: w.owner, params: { appId: app.appId }, body: { email: w.engineer.email } });
    const r = await call(audit, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(r.body.items.map((e: { action: string }) => e.action)).toEqual(["app.backup_changed", "app.claimed"]);
    expect((await call(audit, "GET", { as: w.engineer, params: { appId: "nothing-here" } })).status).toBe(404);
    expect((await call(audit, "GET", { params: { appId: app.appId } })).status).toBe(401);
  });
});
