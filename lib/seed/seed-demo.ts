import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_PASSWORD, hashPassword, verifyPassword } from "@/lib/auth/password";
import { audit } from "@/lib/ownership/audit";
import { createApp } from "@/lib/ownership/create-app";
import { DEMO_APPS, DEMO_TEAMS, DEMO_THRESHOLDS, DEMO_USERS } from "./demo-data";
import { seedDemoTraffic } from "@/lib/traffic/demo-writer";

const DAY = 86_400_000;

// Seeds only an empty database (no users), so a restart never duplicates or overwrites.
export async function seedDemo(now = new Date()): Promise<boolean> {
  if ((await db().user.count()) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db().$transaction(async (tx) => {
    const teams = new Map<string, string>();
    for (const t of DEMO_TEAMS) teams.set(t.slug, (await tx.team.create({ data: t })).id);
    const users = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const away = u.awayDays ? { awayFrom: new Date(now.getTime() - DAY), awayUntil: new Date(now.getTime() + u.awayDays * DAY) } : {};
      const row = await tx.user.create({
        data: { email: u.email, name: u.name, role: u.role, teamId: teams.get(u.team) ?? null, passwordHash, notifyEmail: u.email, ...away },
      });
      users.set(u.email.split("@")[0] ?? u.email, row.id);
    }
    const appRefs = new Map<string, string>();
    for (const [appId, name, team, owner, backup] of DEMO_APPS) {
      const teamId = teams.get(team);
      if (!teamId) throw new Error(`demo data: unknown team ${team}`);
      const since = new Date(now.getTime() - 30 * DAY);
      const app = await createApp(tx, { appId, name, teamId, description: `${name} (${team})` }, { actorId: null, action: "app.seeded", at: new Date(since.getTime() - DAY) });
      appRefs.set(appId, app.id);
      const ownerId = owner ? users.get(owner) : undefined;
      if (ownerId) {
        const backupId = backup ? (users.get(backup) ?? null) : null;
        await tx.ownership.create({ data: { appRef: app.id, ownerId, backupId, since } });
        // the history a newcomer sees on the app page
        await audit(tx, { appRef: app.id, actorId: ownerId, action: "app.claimed", before: { owner: null }, after: { owner: `${owner}@example.com` }, at: since });
        if (backup) {
          const before = { owner: `${owner}@example.com`, backup: null };
          await audit(tx, { appRef: app.id, actorId: ownerId, action: "app.backup_changed", before, after: { ...before, backup: `${backup}@example.com` }, at: new Date(since.getTime() + DAY) });
        }
      }
    }
    for (const t of DEMO_THRESHOLDS) {
      const appRef = appRefs.get(t.appId);
      if (!appRef) throw new Error(`demo data: unknown app ${t.appId}`);
      const settings = { floorRps: t.floorRps, ceilingRps: t.ceilingRps ?? null, maxWeeklyDropPercent: t.maxWeeklyDropPercent ?? null, for: t.for, severity: t.severity, enabled: true };
      const authorId = users.get(t.author) ?? null;
      await tx.thresholdVersion.create({
        data: {
          appRef, version: 1, floorRps: settings.floorRps, ceilingRps: settings.ceilingRps, maxWeeklyDropPercent: settings.maxWeeklyDropPercent,
          forDuration: t.for, severity: t.severity, enabled: true, reason: "Demo thresholds", authorId,
        },
      });
      await audit(tx, { appRef, actorId: authorId, action: "thresholds.changed", after: { version: 1, ...settings }, reason: "Demo thresholds" });
    }
  });
  await seedDemoTraffic(now.getTime());
  return true;
}

export const countUsers = () => db().user.count();

// Production start refuses to run while any demo account still has the demo password.
export async function demoAccountsWithDemoPassword(): Promise<string[]> {
  const users = await db().user.findMany({
    where: { email: { in: DEMO_USERS.map((u) => u.email) } },
    select: { email: true, passwordHash: true },
  });
  const found: string[] = [];
  for (const u of users) if (await verifyPassword(DEMO_PASSWORD, u.passwordHash)) found.push(u.email);
  return found;
}
