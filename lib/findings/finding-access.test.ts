import { describe, expect, it } from "vitest";
import { canActOnFinding } from "./finding-access";

const scope = { teamId: "t1", ownerId: "owner", backupId: "backup" };

describe("canActOnFinding", () => {
  it("lets the owner, the backup, the team's lead and admins act", () => {
    expect(canActOnFinding({ id: "owner", role: "engineer", teamId: "t1" }, scope)).toBe(true);
    expect(canActOnFinding({ id: "backup", role: "engineer", teamId: "t2" }, scope)).toBe(true);
    expect(canActOnFinding({ id: "lee", role: "lead", teamId: "t1" }, scope)).toBe(true);
    expect(canActOnFinding({ id: "ada", role: "admin", teamId: null }, scope)).toBe(true);
  });

  it("refuses other engineers and leads of other teams", () => {
    expect(canActOnFinding({ id: "eve", role: "engineer", teamId: "t1" }, scope)).toBe(false);
    expect(canActOnFinding({ id: "lou", role: "lead", teamId: "t2" }, scope)).toBe(false);
  });

  it("leaves fleet-wide findings to admins", () => {
    expect(canActOnFinding({ id: "lee", role: "lead", teamId: "t1" }, null)).toBe(false);
    expect(canActOnFinding({ id: "ada", role: "admin", teamId: null }, null)).toBe(true);
  });
});
