import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, describeValue } from "./audit-format";

describe("actionLabel", () => {
  it("names known actions in plain words", () => {
    expect(actionLabel("app.backup_changed")).toBe("Changed the backup");
  });
  it("falls back to a readable form of unknown actions", () => {
    expect(actionLabel("app.threshold_updated")).toBe("Threshold updated");
  });
});

describe("describeValue", () => {
  it("shows a person by name and email", () => {
    expect(describeValue({ email: "bob@example.com", name: "Bob" })).toBe("Bob (bob@example.com)");
  });
  it("shows timestamps as dates, not ISO strings", () => {
    expect(describeValue("2026-11-28T14:50:00.000Z")).toMatch(/Nov 2026/);
  });
  it("shows missing values as none", () => {
    expect(describeValue(null)).toBe("none");
  });
});

describe("auditChanges", () => {
  it("lists only the fields that changed", () => {
    const changes = auditChanges(
      { owner: { email: "a@x", name: "A" }, backup: null },
      { owner: { email: "a@x", name: "A" }, backup: { email: "b@x", name: "B" } },
    );
    expect(changes).toEqual([{ field: "Backup", before: "none", after: "B (b@x)" }]);
  });
  it("shows a non-object value as a single change", () => {
    expect(auditChanges("a", "b")).toEqual([{ field: "Value", before: "a", after: "b" }]);
  });
  it("treats a missing before as none", () => {
    expect(auditChanges(null, { ownerEmail: "a@x" })).toEqual([{ field: "Owner", before: "none", after: "a@x" }]);
  });
});
