import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { sealSession } from "@/lib/auth/session";
import { createToken } from "@/lib/tokens/tokens";

// Every test builds its own little world with unique ids, so tests never share rows.
const FAST_HASH = "$2b$04$abcdefghijklmnopqrstuu7ZcWjV.3nO2FTl3DnDJ6t1fP9jHk2Wq"; // never used to sign in

export const uid = () => crypto.randomBytes(4).toString("hex");

export type TestUser = { id: string; email: string; cookie: string };

export async function makeUser(opts: { role?: "engineer" | "lead" | "admin"; teamId?: string | null; name?: string } = {}): Promise<TestUser> {
  const email = `${opts.name ?? opts.role ?? "engineer"}-${uid()}@test.example`;
  const user = await db().user.create({
    data: { email, name: email.split("@")[0] ?? email, role: opts.role ?? "engineer", teamId: opts.teamId ?? null, passwordHash: FAST_HASH },
  });
  return { id: user.id, email, cookie: `portal_session=${await sealSession(user.id)}` };
}

export async function makeTeam() {
  const slug = `team-${uid()}`;
  return db().team.create({ data: { slug, name: slug } });
}

export async function makeApp(teamId: string, ownerId?: string, backupId?: string) {
  const appId = `app-${uid()}`;
  const app = await db().app.create({ data: { appId, name: `App ${appId}`, teamId, searchText: appId } });
  if (ownerId) await db().ownership.create({ data: { appRef: app.id, ownerId, backupId: backupId ?? null } });
  return app;
}

// A token of this person: `write` (acts as them) unless scopes say otherwise.
export async function tokenFor(user: TestUser, opts: { scopes?: ("read" | "write" | "ingest")[]; team?: string } = {}) {
  const who = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, role: true, teamId: true } });
  return (await createToken(who, { name: "test", ...opts })).token;
}

// A team with an owner, another engineer, the team's lead, an admin and an outsider lead.
export async function makeWorld() {
  const team = await makeTeam();
  const other = await makeTeam();
  const [owner, engineer, lead, admin, outsiderLead] = await Promise.all([
    makeUser({ teamId: team.id, name: "owner" }),
    makeUser({ teamId: team.id, name: "engineer" }),
    makeUser({ role: "lead", teamId: team.id }),
    makeUser({ role: "admin" }),
    makeUser({ role: "lead", teamId: other.id, name: "outsider" }),
  ]);
  return { team, other, owner, engineer, lead, admin, outsiderLead };
}
