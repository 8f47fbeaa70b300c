import { describe, expect, it } from "vitest";
import { planImport, type ImportState } from "./plan";
import type { ImportRecord } from "./types";

const state: ImportState = {
  apps: new Map([
    ["checkout-api", { team: "payments", name: "Checkout", owner: "alice@x.com", backup: "bob@x.com" }],
    ["indexer", { team: "search", name: "Indexer", owner: null, backup: null }],
  ]),
  teams: new Set(["payments", "search"]),
  people: new Map([["alice@x.com", { active: true }], ["bob@x.com", { active: true }], ["gone@x.com", { active: false }]]),
};
const admin = { role: "admin" as const, team: null };
const lead = { role: "lead" as const, team: "payments" };
const rec = (r: Omit<ImportRecord, "at">, line = 2): ImportRecord => ({ at: { line }, ...r });

describe("planImport", () => {
  it("lists a new app with its team, name, owner and backup", () => {
    const plan = planImport([rec({ appId: "new-app", team: "payments", owner: "bob@x.com", backup: "alice@x.com" })], state, admin);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["app", null, "new-app"], ["name", null, "new-app"], ["team", null, "payments"], ["owner", null, "bob@x.com"], ["backup", null, "alice@x.com"],
    ]);
  });

  it("changes only what differs; an owner taking over from the backup drops the backup", () => {
    expect(planImport([rec({ appId: "checkout-api", team: "payments", name: "Checkout" })], state, admin).changes).toEqual([]);
    const plan = planImport([rec({ appId: "checkout-api", owner: "bob@x.com" })], state, admin);
    expect(plan.changes.map((c) => [c.field, c.before, c.after])).toEqual([["owner", "alice@x.com", "bob@x.com"], ["backup", "bob@x.com", null]]);
    const release = planImport([rec({ appId: "checkout-api", owner: null })], state, admin);
    expect(release.changes.map((c) => [c.field, c.after])).toEqual([["owner", null], ["backup", null]]);
  });

  it("reads back a deactivated owner or backup the app already has as no change, and refuses naming one anew", () => {
    const withGone: ImportState = { ...state, apps: new Map([...state.apps, ["ledger", { team: "payments", name: "Ledger", owner: "gone@x.com", backup: "alice@x.com" }]]) };
    const same = planImport([rec({ appId: "ledger", team: "payments", name: "Ledger", owner: "gone@x.com", backup: "alice@x.com" })], withGone, admin);
    expect(same).toMatchObject({ errors: [], changes: [] });
    const swap = planImport([rec({ appId: "ledger", owner: "alice@x.com", backup: "gone@x.com" })], withGone, admin);
    expect(swap.errors).toEqual([{ line: 2, field: "backup", message: "gone@x.com is deactivated" }]);
  });

  it("names every problem by line and field", () => {
    const plan = planImport(
      [
        rec({ appId: "Bad App" }, 2),
        rec({ appId: "x-1" }, 3),
        rec({ appId: "x-2", team: "nope" }, 4),
        rec({ appId: "indexer", owner: "who@x.com", backup: "gone@x.com" }, 5),
        rec({ appId: "checkout-api", backup: "alice@x.com" }, 6),
        rec({ appId: "indexer", owner: null, backup: "bob@x.com" }, 7),
        rec({ appId: "x-3", team: "search", owner: null, backup: "bob@x.com" }, 8),
      ],
      state,
      admin,
    );
    expect(plan.errors.map((e) => ["line" in e ? e.line : 0, e.field])).toEqual([
      [2, "appId"], [3, "team"], [4, "team"], [5, "owner"], [5, "backup"], [6, "backup"], [7, "appId"], [8, "backup"],
    ]);
    expect(plan.changes).toEqual([]);
  });

  it("lets a lead import only their own team's apps", () => {
    expect(planImport([rec({ appId: "checkout-api", owner: "bob@x.com" })], state, lead).errors).toEqual([]);
    expect(planImport([rec({ appId: "indexer", owner: "bob@x.com" })], state, lead).errors[0]).toMatchObject({ field: "team", message: expect.stringContaining("belongs to search") });
    expect(planImport([rec({ appId: "checkout-api", team: "search" })], state, lead).errors[0]?.field).toBe("team");
    expect(planImport([rec({ appId: "fresh", team: "search" })], state, lead).errors[0]?.field).toBe("team");
  });
});
