import { describe, expect, it } from "vitest";
import { describeImportedChange } from "./describe-change";

const app = { team: "payments", name: "Checkout", owner: "a@x.io", backup: "b@x.io" };

describe("describeImportedChange", () => {
  it("says each change to the app in words, and nothing when nothing changed", () => {
    expect(describeImportedChange(app, app)).toBeNull();
    expect(describeImportedChange(app, { ...app, owner: "c@x.io", backup: null })).toBe(
      "transferred ownership from a@x.io to c@x.io; changed the backup from b@x.io to nobody",
    );
    expect(describeImportedChange(app, { ...app, name: "Pay", team: "search", owner: null, backup: null })).toBe(
      'renamed it from "Checkout" to "Pay"; moved it from team payments to search; released ownership (it has no owner now); changed the backup from b@x.io to nobody',
    );
    expect(describeImportedChange(null, { ...app, backup: null })).toBe("transferred ownership from nobody to a@x.io");
  });
});
