import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { revokeAllSessions } from "@/lib/auth/sessions";
import type { Role } from "@/lib/auth/roles";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "@/lib/ownership/audit";
import type { UserListQuery, UserUpdateInput } from "@/lib/validation/admin";
import { canManagePerson, refusedChange, type Manager, type Refusal } from "./people-access";

// People in the browser (/admin/people, GET/PATCH /api/users): admins manage everyone, leads
// the engineers of their own team (lib/admin/people-access.ts says who may do what).

const personSelect = {
  id: true, email: true, name: true, role: true, active: true, deactivatedAt: true, createdAt: true,
  team: { select: { slug: true, name: true } },
  _count: { select: { owned: true, backing: true } },
} as const;

type PersonRow = {
  id: string; email: string; name: string; role: string; active: boolean; deactivatedAt: Date | null; createdAt: Date;
  team: { slug: string; name: string } | null; _count: { owned: number; backing: number };
};

export type PersonView = {
  email: string; name: string; role: Role; team: string | null; teamName: string | null;
  active: boolean; deactivatedAt: string | null; createdAt: string; owns: number; backs: number;
  /** whether the asking manager may change this person, and whether it is themselves */
  canManage: boolean; self: boolean;
};

const view = (m: Manager, u: PersonRow): PersonView => ({
  email: u.email, name: u.name, role: u.role as Role, team: u.team?.slug ?? null, teamName: u.team?.name ?? null,
  active: u.active, deactivatedAt: u.deactivatedAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString(),
  owns: u._count.owned, backs: u._count.backing,
  canManage: canManagePerson(m, managed(u)), self: u.id === m.id,
});

/** A refusal as the API answers it: 422 for what nobody may do, 403 for what this person may not. */
export const refusalError = (r: Refusal) =>
  new AppError(r.kind === "invalid" ? "validation_failed" : "forbidden", `${r.field} ${r.message}`, { [r.field]: r.message });

const managed = (u: { id: string; role: string; team: { slug: string } | null }) => ({ id: u.id, role: u.role as Role, team: u.team?.slug ?? null });

/** The people a manager sees on /admin/people: admins everyone (or one team), leads their team. */
export async function listPeople(m: Manager, query: Pick<UserListQuery, "q" | "team"> = {}, limit = 500): Promise<PersonView[]> {
  if (m.role === "engineer") throw forbidden("Only admins and leads manage people");
  if (m.role === "lead" && !m.team) return [];
  const team = m.role === "admin" ? query.team : m.team!;
  const needle = query.q?.toLowerCase();
  const rows = await db().user.findMany({
    where: {
      ...(team ? { team: { slug: team } } : {}),
      ...(needle ? { OR: [{ email: { contains: needle } }, { name: { contains: query.q } }] } : {}),
    },
    orderBy: [{ active: "desc" }, { email: "asc" }],
    take: limit,
    select: personSelect,
  });
  return rows.map((u) => view(m, u));
}

/** The directory everyone may read (pickers): active people only. */
export async function listDirectory(query: Pick<UserListQuery, "q" | "team">, limit = 50) {
  const needle = query.q?.toLowerCase();
  const rows = await db().user.findMany({
    where: {
      active: true,
      ...(query.team ? { team: { slug: query.team } } : {}),
      ...(needle ? { OR: [{ email: { contains: needle } }, { name: { contains: query.q } }] } : {}),
    },
    orderBy: { email: "asc" },
    take: limit,
    select: { email: true, name: true, role: true, team: { select: { slug: true } } },
  });
  return rows.map((u) => ({ email: u.email, name: u.name, role: u.role, team: u.team?.slug ?? null }));
}

const snapshot = (u: { email: string; name: string; role: string; active: boolean; team: { slug: string } | null }) =>
  ({ email: u.email, name: u.name, role: u.role, team: u.team?.slug ?? null, active: u.active });

const SHELL: Manager = { id: "", role: "admin", team: null };

/**
 * Changes a person. Deactivating ends their sessions and revokes their API tokens, so they
 * can no longer sign in or call the API; their apps stay theirs on record, but the backup
 * answers (lib/ownership/responder.ts) and Grafana follows through the outbox, as when
 * someone goes away. One transaction; the sessions end right after it commits (while it
 * runs, the inactive flag already refuses them).
 */
export async function updatePerson(by: Manager | null, email: string, input: UserUpdateInput): Promise<PersonView> {
  // null: the shell (`npm run admin -- user deactivate`), run by whoever runs the server — like
  // createUser's; it may change anyone, and its audit events name no actor
  const m = by ?? SHELL;
  const actorId = by?.id ?? null;
  const target = email.trim().toLowerCase();
  const result = await db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email: target }, select: personSelect });
    if (!before) throw notFound(`Person ${target}`);
    if (!canManagePerson(m, managed(before))) {
      throw forbidden(m.role === "lead" ? `A lead manages only the engineers of their own team; ${target} is not one of them` : "Only admins and leads manage people");
    }
    const refused = refusedChange(m, managed(before), input);
    if (refused) throw refusalError(refused);
    let teamId: string | null | undefined;
    if (input.team !== undefined) {
      const team = input.team === null ? null : await tx.team.findUnique({ where: { slug: input.team }, select: { id: true } });
      if (input.team !== null && !team) throw new AppError("validation_failed", `Team ${input.team} does not exist`, { team: "is not a known team" });
      teamId = team?.id ?? null;
    }
    const activeChanged = input.active !== undefined && input.active !== before.active;
    const now = new Date();
    await tx.user.update({
      where: { id: before.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(teamId !== undefined ? { teamId } : {}),
        ...(activeChanged ? { active: input.active, deactivatedAt: input.active ? null : now } : {}),
      },
    });
    const after = await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: personSelect });
    const [b, a] = [snapshot(before), snapshot(after)];
    if (JSON.stringify(b) === JSON.stringify(a)) return { person: after, ended: false };
    await audit(tx, { appRef: null, actorId, action: "user.changed", before: b, after: a });
    if (activeChanged) {
      if (!input.active) await tx.apiToken.updateMany({ where: { userId: before.id, revokedAt: null }, data: { revokedAt: now } });
      // every app they own or back up changes responder: an entry on its timeline and a sync task
      const apps = await tx.app.findMany({ where: { ownership: { OR: [{ ownerId: before.id }, { backupId: before.id }] } }, select: { id: true, appId: true } });
      for (const app of apps) {
        await audit(tx, { appRef: app.id, actorId, action: input.active ? "user.reactivated" : "user.deactivated", before: { user: target, active: before.active }, after: { user: target, active: after.active } });
      }
      await enqueue(tx, "grafana.app", apps.map((x) => x.appId));
    }
    return { person: after, ended: activeChanged && !input.active };
  });
  if (result.ended) await revokeAllSessions(result.person.id);
  return view(m, result.person);
}

/** Renames a team (admins; the slug stays). */
export async function renameTeam(actorId: string, slug: string, name: string) {
  return db().$transaction(async (tx) => {
    const before = await tx.team.findUnique({ where: { slug }, select: { id: true, name: true } });
    if (!before) throw notFound(`Team ${slug}`);
    if (before.name === name) return { slug, name };
    await tx.team.update({ where: { id: before.id }, data: { name } });
    await audit(tx, { appRef: null, actorId, action: "team.renamed", before: { team: slug, name: before.name }, after: { team: slug, name } });
    return { slug, name };
  });
}

/** The manager an API caller or a page's signed-in person is. */
export const managerOf = (a: { id: string; role: Role; teamSlug: string | null }): Manager => ({ id: a.id, role: a.role, team: a.teamSlug });
