import { describe, expect, it } from "vitest";
import { canActOnFinding } from "./finding-access";

const scope = { teamId: "t1", ownerId: "owner", backupId: "backup" };

describe("canActOnFinding", () => {
  it("follows the threshold rule for an app's findings: owner, backup, the team's lead, admins", () => {
    expect(canActOnFinding({ id: "backup", role: "engineer", teamId: "t2" }, scope)).toBe(true);
    expect(canActOnFinding({ id: "lee", role: "lead", teamId: "t1" }, scope)).toBe(true);
    expect(canActOnFinding({ id: "eve", role: "engineer", teamId: "t1" }, scope)).toBe(false);
    expect(canActOnFinding({ id: "lou", role: "lead", teamId: "t2" }, scope)).toBe(false);
  });

  it("leaves fleet-wide findings to admins", () => {
    expect(canActOnFinding({ id: "lee", role: "lead", teamId: "t1" }, null)).toBe(false);
    expect(canActOnFinding({ id: "ada", role: "admin", teamId: null }, null)).toBe(true);
  });
});
