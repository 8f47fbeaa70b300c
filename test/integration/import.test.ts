import { describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/import/route";
import { GET as exportRoute } from "@/app/api/export/ownership/route";
import { GET as appAudit } from "@/app/api/apps/[appId]/audit/route";
import { db } from "@/lib/db/client";
import { parseCatalog } from "@/lib/import/catalog";
import { deliverDue } from "@/lib/notify/deliver";
import { call } from "./support/http";
import { startWebhook } from "./support/listeners";
import { makeApp, makeUser, makeWorld, uid } from "./support/world";

const csv = (...rows: string[]) => ["appId,name,team,owner,backup", ...rows].join("\n");
const ownership = (appId: string) => db().app.findUnique({ where: { appId }, select: { name: true, team: { select: { slug: true } }, ownership: { select: { owner: { select: { email: true } }, backup: { select: { email: true } } } } } });

describe("POST /api/import", () => {
  it("previews (dry run, the default) then applies: new app, transfer, backup — audited as the importer, Grafana tasks queued", async () => {
    const w = await makeWorld();
    const existing = await makeApp(w.team.id, w.owner.id);
    const fresh = `imp-${uid()}`;
    const content = csv(`${fresh},Fresh app,${w.team.slug},${w.engineer.email},${w.owner.email}`, `${existing.appId},${existing.name},${w.team.slug},${w.engineer.email},`);

    const preview = await call(importRoute, "POST", { as: w.lead, body: { content } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ dryRun: true, format: "csv", errors: [], applied: 0 });
    expect(preview.body.changes).toEqual(expect.arrayContaining([
      { line: 2, appId: fresh, field: "app", before: null, after: fresh },
      { line: 3, appId: existing.appId, field: "owner", before: w.owner.email, after: w.engineer.email },
    ]));
    expect(await db().app.count({ where: { appId: fresh } })).toBe(0);

    const applied = await call(importRoute, "POST", { as: w.lead, query: { dryRun: "false" }, body: { content } });
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(preview.body.changes.length);
    expect(await ownership(fresh)).toMatchObject({ name: "Fresh app", team: { slug: w.team.slug }, ownership: { owner: { email: w.engineer.email }, backup: { email: w.owner.email } } });
    expect(await ownership(existing.appId)).toMatchObject({ ownership: { owner: { email: w.engineer.email }, backup: null } });
    const timeline = await call(appAudit, "GET", { as: w.engineer, params: { appId: existing.appId } });
    expect(timeline.body.items[0]).toMatchObject({ action: "app.transferred", actor: { email: w.lead.email }, reason: "imported (csv)" });
    expect(await db().outboxTask.count({ where: { kind: "grafana.app", subject: { in: [fresh, existing.appId] } } })).toBe(2);

    // the same file again changes nothing
    const again = await call(importRoute, "POST", { as: w.lead, body: { content } });
    expect(again.body.changes).toEqual([]);
  });

  it("is all-or-nothing: one bad row is a 422 naming it, and nothing changes", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const content = csv(`${app.appId},${app.name},${w.team.slug},${w.engineer.email},`, `bad-${uid()},x,${w.team.slug},nobody@test.example,`);
    const preview = await call(importRoute, "POST", { as: w.admin, body: { content } });
    expect(preview.body.errors).toEqual([{ line: 3, field: "owner", message: "nobody@test.example is not a known person" }]);
    const r = await call(importRoute, "POST", { as: w.admin, query: { dryRun: "false" }, body: { content } });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual({ "line 3: owner": "nobody@test.example is not a known person" });
    expect(await ownership(app.appId)).toMatchObject({ ownership: { owner: { email: w.owner.email } } });
    expect(await db().auditEvent.count({ where: { appRef: app.id } })).toBe(0);
  });

  it("refuses a lead's rows for another team's apps, and engineers altogether", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id);
    const content = csv(`${app.appId},${app.name},${w.team.slug},${w.engineer.email},`);
    const r = await call(importRoute, "POST", { as: w.outsiderLead, query: { dryRun: "false" }, body: { content } });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.error.fields)).toEqual(["line 2: team"]);
    expect((await call(importRoute, "POST", { as: w.owner, body: { content } })).status).toBe(403);
    expect(await ownership(app.appId)).toMatchObject({ ownership: { owner: { email: w.owner.email } } });
  });

  it("takes a plain Backstage catalog as application/yaml (spec.owner only registers apps in their team)", async () => {
    const w = await makeWorld();
    const appId = `bs-${uid()}`;
    const yaml = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${appId}\nspec:\n  owner: group:default/${w.team.slug}\n---\nkind: Group\nmetadata: { name: ${w.team.slug} }\n`;
    const r = await call(importRoute, "POST", { as: w.admin, query: { dryRun: "false" }, rawBody: yaml, headers: { "content-type": "application/yaml" } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ format: "catalog", ignored: 1, errors: [] });
    expect(await ownership(appId)).toMatchObject({ name: appId, team: { slug: w.team.slug }, ownership: null });
  });

  it("names bad input: unknown query values, content types, empty and oversized bodies", async () => {
    const w = await makeWorld();
    const q = await call(importRoute, "POST", { as: w.admin, query: { dryRun: "maybe" }, body: { content: "appId\nx-1" } });
    expect(q.status).toBe(422);
    expect(q.body.error.fields).toHaveProperty("dryRun");
    expect((await call(importRoute, "POST", { as: w.admin, rawBody: "x", headers: { "content-type": "image/png" } })).status).toBe(400);
    const empty = await call(importRoute, "POST", { as: w.admin, body: { content: "" } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields).toHaveProperty("content");
    const big = await call(importRoute, "POST", { as: w.admin, rawBody: "appId\n" + "a".repeat(2 * 1024 * 1024), headers: { "content-type": "text/csv" } });
    expect(big.status).toBe(413);
  });
});

describe("GET /api/export/ownership", () => {
  it("exports CSV and a Backstage catalog that the import reads back as no change", async () => {
    const w = await makeWorld();
    const app = await makeApp(w.team.id, w.owner.id, w.engineer.id);
    const out = await fetchText({ format: "csv" }, w.engineer);
    expect(out.type).toContain("text/csv");
    expect(out.text).toContain(`${app.appId},${app.name},${w.team.slug},${w.owner.email},${w.engineer.email}`);
    const cat = await fetchText({ format: "catalog" }, w.engineer);
    expect(cat.type).toContain("application/yaml");
    const mine = parseCatalog(cat.text).records.find((r) => r.appId === app.appId);
    expect(mine).toMatchObject({ team: w.team.slug, owner: w.owner.email, backup: w.engineer.email });
    for (const content of [out.text, cat.text]) {
      const r = await call(importRoute, "POST", { as: w.admin, body: { content } });
      expect(r.body.errors).toEqual([]);
      expect(r.body.changes.filter((c: { appId: string }) => c.appId === app.appId)).toEqual([]);
    }
    const bad = await call(exportRoute, "GET", { as: w.engineer, query: { format: "xml" } });
    expect(bad.status).toBe(422);
  });
});

async function fetchText(query: Record<string, string>, as: { cookie: string }) {
  const url = new URL("http://127.0.0.1:3000/api/export/ownership");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await exportRoute(new Request(url, { headers: { host: "127.0.0.1:3000", cookie: as.cookie } }), { params: Promise.resolve({}) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("POST /api/import change notices", () => {
  it("tell the owner and backup, before and after, of each app an applied import changes — not the importer, not a dry run or a refused file; at-least-once", async () => {
    const w = await makeWorld();
    const [ownerHook, engineerHook, leadHook, newcomerHook] = await Promise.all([startWebhook(), startWebhook(1), startWebhook(), startWebhook()]);
    const newcomer = await makeUser({ teamId: w.team.id, name: "newcomer" });
    for (const [u, h] of [[w.owner, ownerHook], [w.engineer, engineerHook], [w.lead, leadHook], [newcomer, newcomerHook]] as const) {
      await db().user.update({ where: { id: u.id }, data: { notifyWebhook: h.url, notifyEmail: null } });
    }
    const app = await makeApp(w.team.id, w.owner.id);
    await db().ownership.update({ where: { appRef: app.id }, data: { backupId: w.engineer.id } });
    const content = csv(`${app.appId},${app.name},${w.team.slug},${newcomer.email},`);

    // a dry run and a refused file announce nothing
    expect((await call(importRoute, "POST", { as: w.lead, body: { content } })).status).toBe(200);
    const refused = csv(`${app.appId},${app.name},${w.team.slug},${newcomer.email},`, `nope-${uid()},x,no-such-team,,`);
    expect((await call(importRoute, "POST", { as: w.lead, query: { dryRun: "false" }, body: { content: refused } })).status).toBe(422);
    await deliverDue(new Date());
    expect(ownerHook.received.length + engineerHook.received.length + newcomerHook.received.length).toBe(0);

    expect((await call(importRoute, "POST", { as: w.lead, query: { dryRun: "false" }, body: { content } })).status).toBe(200);
    await deliverDue(new Date());
    for (const hook of [ownerHook, newcomerHook]) {
      expect(hook.received).toHaveLength(1);
      expect((hook.received[0] as Body).portal.notices[0]).toMatchObject({
        appId: app.appId, why: "imported (csv)",
        what: `transferred ownership from ${w.owner.email} to ${newcomer.email}; changed the backup from ${w.engineer.email} to nobody`,
      });
    }
    expect(leadHook.received).toHaveLength(0);
    // the old backup's receiver failed once: the same notice comes again on the retry
    expect(engineerHook.received).toHaveLength(0);
    await deliverDue(new Date(Date.now() + 3_600_000));
    expect(engineerHook.received).toHaveLength(1);
    expect((engineerHook.received[0] as Body).portal.notices[0].appId).toBe(app.appId);
    expect(ownerHook.received).toHaveLength(1);
    await Promise.all([ownerHook, engineerHook, leadHook, newcomerHook].map((h) => h.close()));
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;
