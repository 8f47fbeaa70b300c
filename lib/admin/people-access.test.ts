import { describe, expect, it } from "vitest";
import { canManagePerson, refusedChange, refusedNewPerson, type Manager } from "./people-access";

const admin: Manager = { id: "a", role: "admin", team: null };
const lead: Manager = { id: "l", role: "lead", team: "payments" };
const engineer = { id: "e", role: "engineer" as const, team: "payments" };

describe("canManagePerson", () => {
  it("lets admins manage anyone and leads only their own team's engineers", () => {
    expect(canManagePerson(admin, { id: "x", role: "admin", team: null })).toBe(true);
    expect(canManagePerson(lead, engineer)).toBe(true);
    expect(canManagePerson(lead, { ...engineer, team: "search" })).toBe(false);
    expect(canManagePerson(lead, { id: "l2", role: "lead", team: "payments" })).toBe(false);
    expect(canManagePerson(lead, { id: "x", role: "admin", team: "payments" })).toBe(false);
    expect(canManagePerson({ id: "e", role: "engineer", team: "payments" }, engineer)).toBe(false);
  });
});

describe("refusedChange", () => {
  it("refuses leads granting lead or admin and moving people out of their team", () => {
    expect(refusedChange(lead, engineer, { role: "lead" })?.field).toBe("role");
    expect(refusedChange(lead, engineer, { role: "admin" })?.field).toBe("role");
    expect(refusedChange(lead, engineer, { team: "search" })?.field).toBe("team");
    expect(refusedChange(lead, engineer, { team: null })?.field).toBe("team");
    expect(refusedChange(lead, engineer, { active: false, name: "N" })).toBeNull();
  });

  it("refuses deactivating yourself or changing your own role, even for admins", () => {
    expect(refusedChange(admin, { id: "a", role: "admin", team: null }, { active: false })?.field).toBe("active");
    expect(refusedChange(admin, { id: "a", role: "admin", team: null }, { role: "engineer" })?.field).toBe("role");
    expect(refusedChange(admin, { id: "a", role: "admin", team: null }, { name: "Me" })).toBeNull();
    expect(refusedChange(admin, engineer, { role: "admin", team: "search", active: false })).toBeNull();
  });
});

describe("refusedNewPerson", () => {
  it("lets a lead add only engineers to their own team", () => {
    expect(refusedNewPerson(lead, { role: "engineer", team: "payments" })).toBeNull();
    expect(refusedNewPerson(lead, { role: "engineer", team: "search" })?.field).toBe("team");
    expect(refusedNewPerson(lead, { role: "engineer" })?.field).toBe("team");
    expect(refusedNewPerson(lead, { role: "lead", team: "payments" })?.field).toBe("role");
    expect(refusedNewPerson(admin, { role: "admin" })).toBeNull();
  });
});
