import type { DbSnapshot, SnapshotApp } from "./db-snapshot";

// A small world for the pure metrics tests: an owner who is away with a present backup, one
// who is away with nobody to cover, and apps with and without signals and thresholds.
export const FIXTURE_NOW = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
const away = { awayFrom: new Date(FIXTURE_NOW.getTime() - DAY), awayUntil: new Date(FIXTURE_NOW.getTime() + DAY), active: true };
const present = { awayFrom: null, awayUntil: null, active: true };

const app = (a: Partial<SnapshotApp> & Pick<SnapshotApp, "appId" | "teamId">): SnapshotApp => ({
  ownerId: null, backupId: null, anomalyScore: null, trendPerDay: null, expected: null, predLow: null, predHigh: null, outsideShare: null, floorRps: null, ceilingRps: null, ...a,
});

export function fixtureSnapshot(): DbSnapshot {
  return {
    teams: [{ id: "t1", slug: "payments" }, { id: "t2", slug: "search" }, { id: "t3", slug: "empty" }],
    people: [
      { id: "bob", email: "bob@example.com", name: "Bob", ...present },
      { id: "lee", email: "lee@example.com", name: "Lee", ...present },
      { id: "dan", email: "dan@example.com", name: "Dan", ...away },
      { id: "sam", email: "sam@example.com", name: "Sam", ...away },
    ],
    apps: [
      app({ appId: "checkout-api", teamId: "t1", ownerId: "bob", backupId: "lee", anomalyScore: 0.97, trendPerDay: -0.021, expected: 120.5, predLow: 98.2, predHigh: 142.8, outsideShare: 0.012, floorRps: 10, ceilingRps: 500 }),
      app({ appId: "card-vault", teamId: "t1", ownerId: "bob", anomalyScore: 0.1, expected: 3, floorRps: 1 }),
      app({ appId: "fraud-scorer", teamId: "t1" }),
      app({ appId: "indexer", teamId: "t2", ownerId: "dan", backupId: "lee", anomalyScore: 0, expected: Number.NaN }),
      app({ appId: "crawler", teamId: "t2", ownerId: "sam", backupId: "dan" }),
      app({ appId: 'odd"app\\x', teamId: "t2" }),
    ],
    openFindings: [
      { appId: "checkout-api", detector: "crash", severity: "critical" },
      { appId: "card-vault", detector: "crash", severity: "critical" },
    ],
    grafanaSyncPending: 3,
    grafanaDriftedRules: 1,
    grafanaLastSyncSuccess: "2026-11-20T11:59:00.000Z",
  };
}
