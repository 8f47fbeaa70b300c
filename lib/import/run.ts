import "server-only";
import { db } from "@/lib/db/client";
import { pagedByAppId } from "@/lib/db/paged";
import type { Tx } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "@/lib/ownership/audit";
import { createApp, searchTextOf } from "@/lib/ownership/create-app";
import { queueChangeNotice } from "@/lib/notify/notices";
import { parseCatalog } from "./catalog";
import { parseCsv } from "./csv";
import { describeImportedChange } from "./describe-change";
import type { ExportRow } from "./export";
import { planImport, type CurrentApp, type ImportState, type PlannedApp } from "./plan";
import { describeWhere, type ImportChange, type ImportError, type ImportFormat, type ImportRecord } from "./types";

// POST /api/import: parse, load what the records name, plan (lib/import/plan.ts), and — unless a
// dry run — apply everything in one transaction: any error and nothing is changed. Every change
// is audited as made by the importer; every app touched gets a Grafana sync task (new apps
// through lib/ownership/create-app, like every other way an app comes to be), and its owner and
// backup (before and after) get a change notice like any other ownership change's.

export type ImportResult = { dryRun: boolean; format: ImportFormat; changes: ImportChange[]; errors: ImportError[]; ignored: number; applied: number };

const TX = { timeout: 120_000, maxWait: 30_000 } as const;
const SLICE = 400; // SQLite allows 999 parameters per statement

function slices<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += SLICE) out.push(xs.slice(i, i + SLICE));
  return out;
}

type Loaded = { state: ImportState; appRefs: Map<string, string>; teamIds: Map<string, string>; userIds: Map<string, string> };

async function load(tx: Pick<Tx, "app" | "team" | "user">, records: readonly ImportRecord[]): Promise<Loaded> {
  const appIds = [...new Set(records.map((r) => r.appId))];
  const emails = [...new Set(records.flatMap((r) => [r.owner, r.backup]).filter((e): e is string => typeof e === "string"))];
  const apps = new Map<string, CurrentApp>();
  const appRefs = new Map<string, string>();
  const userIds = new Map<string, string>();
  for (const slice of slices(appIds)) {
    const rows = await tx.app.findMany({
      where: { appId: { in: slice } },
      select: {
        id: true, appId: true, name: true, team: { select: { slug: true } },
        ownership: { select: { owner: { select: { id: true, email: true } }, backup: { select: { id: true, email: true } } } },
      },
    });
    for (const a of rows) {
      apps.set(a.appId, { team: a.team.slug, name: a.name, owner: a.ownership?.owner.email ?? null, backup: a.ownership?.backup?.email ?? null });
      appRefs.set(a.appId, a.id);
      // today's owner and backup may be named nowhere in the file: their ids guard the update and get the notice
      for (const p of [a.ownership?.owner, a.ownership?.backup]) if (p) userIds.set(p.email, p.id);
    }
  }
  const teams = await tx.team.findMany({ select: { id: true, slug: true } });
  const people = new Map<string, { active: boolean }>();
  for (const slice of slices(emails)) {
    for (const u of await tx.user.findMany({ where: { email: { in: slice } }, select: { id: true, email: true, active: true } })) {
      people.set(u.email, { active: u.active });
      userIds.set(u.email, u.id);
    }
  }
  return { state: { apps, teams: new Set(teams.map((t) => t.slug)), people }, appRefs, teamIds: new Map(teams.map((t) => [t.slug, t.id])), userIds };
}

function parse(text: string, format: ImportFormat) {
  if (text.includes("\u0000")) return { records: [], errors: [{ line: 1, field: format, message: "must not contain NUL characters" }], ignored: 0 };
  return format === "csv" ? parseCsv(text) : parseCatalog(text);
}

/** The 422 an apply with errors answers: every error, keyed by where it is. */
function importFailed(errors: readonly ImportError[]): AppError {
  const fields: Record<string, string> = {};
  for (const e of errors.slice(0, 200)) fields[`${describeWhere(e)}: ${e.field}`] ??= e.message;
  return new AppError("validation_failed", `The import has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was changed`, fields);
}

export async function runImport(actor: Actor, text: string, format: ImportFormat, dryRun: boolean): Promise<ImportResult> {
  const parsed = parse(text, format);
  const who = { role: actor.role, team: actor.teamSlug };
  if (dryRun) {
    const plan = planImport(parsed.records, (await load(db(), parsed.records)).state, who);
    return { dryRun, format, changes: plan.changes, errors: [...parsed.errors, ...plan.errors], ignored: parsed.ignored, applied: 0 };
  }
  if (parsed.errors.length > 0) throw importFailed(parsed.errors);
  const changes = await db().$transaction(async (tx) => {
    const loaded = await load(tx, parsed.records);
    const plan = planImport(parsed.records, loaded.state, who);
    if (plan.errors.length > 0) throw importFailed(plan.errors);
    for (const app of plan.apps) await applyApp(tx, actor, app, loaded, `imported (${format})`);
    await enqueue(tx, "grafana.app", plan.apps.map((a) => a.appId));
    return plan.changes;
  }, TX);
  return { dryRun, format, changes, errors: [], ignored: parsed.ignored, applied: changes.length };
}

async function applyApp(tx: Tx, actor: Actor, app: PlannedApp, loaded: Loaded, reason: string) {
  const { after, before } = app;
  const teamId = loaded.teamIds.get(after.team)!;
  const userId = (email: string | null) => (email === null ? null : loaded.userIds.get(email)!);
  let appRef = loaded.appRefs.get(app.appId);
  const log = (action: Parameters<typeof audit>[1]["action"], b: unknown, a: unknown) => audit(tx, { appRef: appRef!, actorId: actor.id, action, before: b, after: a, reason });
  if (!appRef) {
    const row = await createApp(tx, { appId: app.appId, name: after.name, teamId }, { actorId: actor.id, action: "app.imported", after: { appId: app.appId, name: after.name, team: after.team, source: reason } });
    appRef = row.id;
  } else if (before) {
    if (before.name !== after.name || before.team !== after.team) {
      await tx.app.update({ where: { id: appRef }, data: { name: after.name, teamId, searchText: searchTextOf({ appId: app.appId, name: after.name }) } });
    }
    if (before.name !== after.name) await log("app.renamed", { name: before.name }, { name: after.name });
    if (before.team !== after.team) await log("app.moved", { team: before.team }, { team: after.team });
  }
  const was = { owner: before?.owner ?? null, backup: before?.backup ?? null };
  const now = { owner: after.owner, backup: after.backup };
  // queued in the import's transaction (rolled back with it), delivered at-least-once in each
  // person's next grouped message with an idempotency key, as every change notice
  const what = describeImportedChange(before, after);
  if (what) {
    await queueChangeNotice(tx, {
      app: { id: appRef, appId: app.appId, name: after.name }, actor, ownerId: userId(was.owner) ?? userId(now.owner), what, why: reason,
      people: [was.owner, was.backup, now.owner, now.backup].map(userId),
    });
  }
  if (was.owner === now.owner && was.backup === now.backup) return;
  const guard = { appRef, ownerId: userId(was.owner) ?? undefined, backupId: userId(was.backup) };
  const changed = (count: number) => {
    if (count !== 1) throw new AppError("conflict", `${app.appId} was changed by someone else meanwhile; preview the import again`);
  };
  if (now.owner === null) {
    changed((await tx.ownership.deleteMany({ where: guard })).count);
    await log("app.released", was, now);
  } else if (was.owner === null) {
    await tx.ownership.create({ data: { appRef, ownerId: userId(now.owner)!, backupId: userId(now.backup) } });
    await log("app.transferred", was, now);
  } else {
    const ownerChanged = was.owner !== now.owner;
    changed((await tx.ownership.updateMany({ where: guard, data: { ownerId: userId(now.owner)!, backupId: userId(now.backup), ...(ownerChanged ? { since: new Date() } : {}) } })).count);
    await log(ownerChanged ? "app.transferred" : "app.backup_changed", was, now);
  }
}

/** Every app with its team, owner and backup, for GET /api/export/ownership. */
export async function exportRows(): Promise<ExportRow[]> {
  const rows = await pagedByAppId((page) =>
    db().app.findMany({
      where: page.where,
      orderBy: { appId: "asc" },
      take: page.take,
      select: { appId: true, name: true, description: true, team: { select: { slug: true } }, ownership: { select: { owner: { select: { email: true } }, backup: { select: { email: true } } } } },
    }),
  );
  return rows.map((a) => ({ appId: a.appId, name: a.name, team: a.team.slug, description: a.description, owner: a.ownership?.owner.email ?? null, backup: a.ownership?.backup?.email ?? null }));
}
