// The organisation a fleet-sized benchmark starts from (bench:overview, bench:metrics): teams,
// people (one lead per team, one in ten away for the next three days, one in three without a
// webhook), apps spread round-robin over the teams (one in three confirmed ten days ago), 6 in 7
// owned by an engineer (every other one with a backup), and open findings on one app in 20.
// Deterministic: the same arguments give the same rows. Each bench adds what it measures on top.
import { chunks } from "@/lib/grafana-sync/plan";

const DAY = 86_400_000;
const DETECTORS = ["crash", "trend", "threshold", "anomaly"] as const;

export type OrgSize = { apps: number; teams: number; people: number; now: number };
export type Org = { teams: { id: string; slug: string; name: string }[]; apps: { id: string; appId: string }[] };

// The Prisma client the bench opened on its scratch database (typed by what is used here).
type Db = ReturnType<(typeof import("@/lib/db/client"))["db"]>;

export async function seedOrganisation(db: Db, { apps: APPS, teams: TEAMS, people: PEOPLE, now }: OrgSize): Promise<Org> {
  const teams = Array.from({ length: TEAMS }, (_, i) => ({ id: `team-${i}`, slug: `team-${String(i).padStart(2, "0")}`, name: `Team ${i}` }));
  await db.team.createMany({ data: teams });
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `user-${i}`, email: `person-${i}@example.com`, name: `Person ${i}`, teamId: teams[i % TEAMS]?.id ?? null, passwordHash: "x",
    role: i < TEAMS ? "lead" : "engineer", notifyWebhook: i % 3 === 0 ? null : `https://hooks.example.com/${i}`,
    ...(i % 10 === 0 ? { awayFrom: new Date(now - DAY), awayUntil: new Date(now + 3 * DAY) } : {}),
  }));
  for (const c of chunks(people, 2_000)) await db.user.createMany({ data: c });
  const apps = Array.from({ length: APPS }, (_, i) => ({
    id: `app-ref-${i}`, appId: `app-${String(i).padStart(5, "0")}`, name: `App ${i}`, teamId: teams[i % TEAMS]?.id ?? "", searchText: `app-${i}`,
    ...(i % 3 === 0 ? { confirmedAt: new Date(now - 10 * DAY) } : {}),
  }));
  for (const c of chunks(apps, 2_000)) await db.app.createMany({ data: c });
  const engineers = PEOPLE - TEAMS;
  const owned = apps.filter((_, i) => i % 7 !== 0).map((a, i) => ({
    appRef: a.id, ownerId: `user-${(i % engineers) + TEAMS}`, backupId: i % 2 === 0 ? `user-${((i + 7) % engineers) + TEAMS}` : null, since: new Date(now - 120 * DAY),
  }));
  for (const c of chunks(owned, 2_000)) await db.ownership.createMany({ data: c });
  const findings = apps.filter((_, i) => i % 20 === 0).map((a, i) => {
    const detector = DETECTORS[i % DETECTORS.length] ?? "crash";
    return {
      appRef: a.id, detector, severity: detector === "crash" ? "critical" : "warning", status: "open", openKey: `${a.id}:${detector}`, startedAt: new Date(now - DAY),
      observed: 1, expected: 2, deviation: 0.5, windowFrom: new Date(now - 2 * DAY), windowTo: new Date(now - DAY), explanation: "bench", pageState: "paged",
    };
  });
  for (const c of chunks(findings, 2_000)) await db.finding.createMany({ data: c });
  return { teams, apps };
}
