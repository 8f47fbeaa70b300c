import "server-only";
import { db } from "@/lib/db/client";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { DEMO_PASSWORD, hashPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { audit } from "@/lib/ownership/audit";
import type { TeamCreateInput, UserCreateInput } from "@/lib/validation/admin";
import { refusedNewPerson, type Manager } from "./people-access";
import { refusalError } from "./people";

// Teams and people for a real installation (the demo seeds its own): used by the admin CLI
// (npm run admin, no actor) and by POST /api/teams and /api/users (audited as their caller).

export async function createTeam(input: TeamCreateInput, actorId: string | null = null) {
  try {
    const t = await db().$transaction(async (tx) => {
      const team = await tx.team.create({ data: input });
      await audit(tx, { appRef: null, actorId, action: "team.created", after: { team: team.slug, name: team.name } });
      return team;
    });
    return { slug: t.slug, name: t.name };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Team ${input.slug} already exists`, { slug: "is taken" });
    throw error;
  }
}

export async function createUser(input: UserCreateInput, by: Manager | null = null) {
  const refused = by ? refusedNewPerson(by, input) : null;
  if (refused) throw refusalError(refused);
  if (input.password === DEMO_PASSWORD) throw new AppError("validation_failed", "Choose a real password", { password: "is the demo password" });
  const team = input.team ? await db().team.findUnique({ where: { slug: input.team } }) : null;
  if (input.team && !team) throw new AppError("validation_failed", `Team ${input.team} does not exist`, { team: "is not a known team" });
  try {
    const passwordHash = await hashPassword(input.password);
    const u = await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, teamId: team?.id ?? null, notifyEmail: input.email, passwordHash },
      });
      await audit(tx, { appRef: null, actorId: by?.id ?? null, action: "user.created", after: { email: user.email, name: user.name, role: user.role, team: team?.slug ?? null } });
      return user;
    });
    return { email: u.email, name: u.name, role: u.role, team: team?.slug ?? null };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A user with email ${input.email} already exists`, { email: "is taken" });
    throw error;
  }
}

export async function setPassword(email: string, password: string) {
  if (password.length < 10) throw new AppError("validation_failed", "password must be at least 10 characters", { password: "must be at least 10 characters" });
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError("not_found", `No user with email ${email}`);
  await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  // a new password ends every session (the session fingerprint would, too; this says so at once)
  await revokeAllSessions(user.id);
}
