import { describe, expect, it } from "vitest";
import { PUT as availability } from "@/app/api/me/availability/route";
import { GET as getApp } from "@/app/api/apps/[appId]/route";
import { GET as audit } from "@/app/api/apps/[appId]/audit/route";
import { db } from "@/lib/db/client";
import { call } from "./support/http";
import { makeApp, makeWorld } from "./support/world";

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe("PUT /api/me/availability", () => {
  it("makes the backup the responder while the owner is away, and the owner again when back", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    const away = await call(availability, "PUT", { as: w.owner, body: { awayUntil: inDays(3) } });
    expect(away.status).toBe(200);
    expect(away.body.user.away).toBe(true);
    const during = await call(getApp, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(during.body.app).toMatchObject({ ownerAway: true, responder: { email: w.engineer.email } });
    const events = await call(audit, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(events.body.items[0]).toMatchObject({ action: "user.availability_changed", after: { user: w.owner.email } });
    expect(await db().outboxTask.count({ where: { subject: app.appId } })).toBe(1);

    await call(availability, "PUT", { as: w.owner, body: { awayUntil: null } });
    const after = await call(getApp, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(after.body.app).toMatchObject({ ownerAway: false, responder: { email: w.owner.email } });
  });

  it("shows nobody reachable when the owner is away without a backup", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    await call(availability, "PUT", { as: w.owner, body: { awayUntil: inDays(1) } });
    const r = await call(getApp, "GET", { as: w.engineer, params: { appId: app.appId } });
    expect(r.body.app).toMatchObject({ ownerAway: true, responder: null, state: "unreachable" });
  });

  it("keeps the owner responder until a future absence starts", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    await call(availability, "PUT", { as: w.owner, body: { awayFrom: inDays(1), awayUntil: inDays(2) } });
    const r = await call(getApp, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(r.body.app).toMatchObject({ ownerAway: false, responder: { email: w.owner.email } });
  });

  it("names bad dates (422), refuses an end before the start, and needs a session (401)", async () => {
    const w = await makeWorld();
    const bad = await call(availability, "PUT", { as: w.owner, body: { awayUntil: "next tuesday" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty("awayUntil");
    const reversed = await call(availability, "PUT", { as: w.owner, body: { awayFrom: inDays(2), awayUntil: inDays(1) } });
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields).toHaveProperty("awayUntil");
    expect((await db().user.findUniqueOrThrow({ where: { id: w.owner.id } })).awayUntil).toBeNull();
    expect((await call(availability, "PUT", { body: { awayUntil: null } })).status).toBe(401);
  });

  it("refuses an absence that already ended, and records nothing when nothing changes", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const past = await call(availability, "PUT", { as: w.owner, body: { awayUntil: inDays(-1) } });
    expect(past.status).toBe(422);
    expect(past.body.error.fields.awayUntil).toMatch(/future/);
    expect((await call(availability, "PUT", { as: w.owner, body: { awayUntil: null } })).status).toBe(200);
    const events = await call(audit, "GET", { as: w.owner, params: { appId: app.appId } });
    expect(events.body.items).toEqual([]);
    expect(await db().outboxTask.count({ where: { subject: app.appId } })).toBe(0);
  });
});
