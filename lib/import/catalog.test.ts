import { describe, expect, it } from "vitest";
import { looksLikeCatalog, parseCatalog, teamOfOwnerRef } from "./catalog";
import { toCatalog } from "./export";

describe("parseCatalog", () => {
  it("reads one app per Component; plain Backstage files with spec.owner only leave owner and backup as they are", () => {
    const text = [
      "apiVersion: backstage.io/v1alpha1",
      "kind: Component",
      "metadata:",
      "  name: checkout-api",
      "spec:",
      "  owner: group:default/payments",
      "---",
      "kind: System",
      "metadata: { name: shop }",
      "---",
      "kind: Component",
      "metadata:",
      "  name: card-vault",
      "  title: Card vault",
      "  annotations:",
      "    ownership-portal/owner: Bob@Example.com",
      "    ownership-portal/backup: ''",
      "spec: { owner: payments }",
      "---",
    ].join("\n");
    const parsed = parseCatalog(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ignored).toBe(1);
    expect(parsed.records).toEqual([
      { at: { document: 1 }, appId: "checkout-api", team: "payments" },
      { at: { document: 3 }, appId: "card-vault", name: "Card vault", team: "payments", owner: "bob@example.com", backup: null },
    ]);
  });

  it("names broken documents, users as owners and missing names by document", () => {
    const parsed = parseCatalog("kind: Component\nmetadata: { name: a-1 }\nspec: { owner: 'user:alice' }\n---\nkind: Component\nmetadata: {}\n---\nkind: [unclosed\n");
    expect(parsed.errors).toEqual([
      { document: 1, field: "spec.owner", message: "must name a group: group:<team>" },
      { document: 2, field: "metadata.name", message: "is required (it is the appId)" },
      { document: 3, field: "yaml", message: expect.stringContaining("is not valid YAML") },
    ]);
  });

  it("refuses an alias bomb instead of expanding it", () => {
    const lines = ["a: &a [x,x,x,x,x,x,x,x,x,x]"];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
    const parsed = parseCatalog(`kind: Component\nmetadata: { name: x-1 }\n${lines.join("\n")}\n`);
    expect(parsed.errors[0]).toMatchObject({ document: 1, field: "yaml" });
  });

  it("reads back what the export writes", () => {
    const rows = [{ appId: "a-1", name: "App: one", team: "payments", description: "d", owner: "alice@example.com", backup: "bob@example.com" }];
    const parsed = parseCatalog(toCatalog(rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toEqual([{ at: { document: 1 }, appId: "a-1", name: "App: one", team: "payments", owner: "alice@example.com", backup: "bob@example.com" }]);
  });
});

describe("teamOfOwnerRef / looksLikeCatalog", () => {
  it("accepts group references and tells YAML from CSV", () => {
    expect(teamOfOwnerRef("group:payments")).toBe("payments");
    expect(teamOfOwnerRef("Group:default/Payments")).toBe("payments");
    expect(teamOfOwnerRef("user:alice")).toBeNull();
    expect(looksLikeCatalog("# catalog\n---\nkind: Component")).toBe(true);
    expect(looksLikeCatalog("apiVersion: backstage.io/v1alpha1")).toBe(true);
    expect(looksLikeCatalog("appId,team\nx,y")).toBe(false);
  });
});
