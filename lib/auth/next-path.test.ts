import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps paths on this portal", () => {
    expect(safeNextPath("/apps/checkout-api?tab=x#y")).toBe("/apps/checkout-api?tab=x#y");
    expect(safeNextPath(["/overview", "/x"])).toBe("/overview");
    expect(safeNextPath("/apps/%2F%2Fa")).toBe("/apps/%2F%2Fa");
  });

  it("sends everything else to /", () => {
    for (const bad of [undefined, null, "", "https://evil.example/", "//evil.example/x", "/\t/evil.example/x", "/\\evil.example", "\\\\evil.example",
      "/\n/evil.example", "/\r\nSet-Cookie: x=1", "/x\u0000", "javascript:alert(1)", " /x", "http:/evil.example"]) {
      const out = safeNextPath(bad);
      expect(out === "/" || new URL(out, "http://portal.invalid").origin === "http://portal.invalid", JSON.stringify(bad)).toBe(true);
      expect(out, JSON.stringify(bad)).not.toMatch(/evil|[\r\n\t]/);
    }
    expect(safeNextPath("/\t/evil.example/x")).toBe("/");
    expect(safeNextPath("//evil.example")).toBe("/");
    // still encoded once more: a harmless same-origin path
    expect(safeNextPath("/%09/evil")).toBe("/%09/evil");
  });
});
