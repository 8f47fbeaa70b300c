import { describe, expect, it } from "vitest";
import { canEditThresholds } from "./permissions";

const app = { teamId: "t1", ownerId: "owner", backupId: "backup" };

describe("canEditThresholds", () => {
  it("lets the owner, the backup, the team's lead and any admin edit", () => {
    expect(canEditThresholds({ id: "owner", role: "engineer", teamId: "t1" }, app)).toBe(true);
    expect(canEditThresholds({ id: "backup", role: "engineer", teamId: "t2" }, app)).toBe(true);
    expect(canEditThresholds({ id: "lead", role: "lead", teamId: "t1" }, app)).toBe(true);
    expect(canEditThresholds({ id: "admin", role: "admin", teamId: null }, app)).toBe(true);
  });

  it("refuses other engineers of the team and leads of other teams", () => {
    expect(canEditThresholds({ id: "someone", role: "engineer", teamId: "t1" }, app)).toBe(false);
    expect(canEditThresholds({ id: "lead2", role: "lead", teamId: "t2" }, app)).toBe(false);
  });

  it("leaves an unowned app to its team's lead and admins", () => {
    const unowned = { teamId: "t1", ownerId: null, backupId: null };
    expect(canEditThresholds({ id: "someone", role: "engineer", teamId: "t1" }, unowned)).toBe(false);
    expect(canEditThresholds({ id: "lead", role: "lead", teamId: "t1" }, unowned)).toBe(true);
  });
});
