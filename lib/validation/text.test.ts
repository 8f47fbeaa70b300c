import { describe, expect, it } from "vitest";
import { freeText, nameText } from "./text";

const name = nameText(20);
const text = freeText(50);

describe("nameText / freeText", () => {
  it("keeps ordinary names and normalises to NFC", () => {
    expect(name.parse("  Zoë Ångström ")).toBe("Zoë Ångström");
    expect(name.parse("Zoe\u0308")).toBe("Zoë"); // decomposed → composed
    expect(name.parse("支付 API 👩‍💻")).toBe("支付 API 👩‍💻");
    expect(text.parse("line one\nline two\ttabbed")).toBe("line one\nline two\ttabbed");
  });

  it("refuses lone surrogates, controls, bidi overrides, invisible-only and overlong names", () => {
    const cases: [string, RegExp][] = [
      ["bad\ud800", /lone surrogate/],
      ["\udc00x", /lone surrogate/],
      ["nul\u0000", /control/],
      ["two\nlines", /control characters or line breaks/],
      ["esc\u001b[31m", /control/],
      ["c1\u0085", /control/],
      ["\u202eevil.exe", /bidirectional/],
      ["a\u2066b", /bidirectional/],
      ["\u200b\u200b", /visible/],
      ["\ufeff", /required/], // trim() drops a BOM
      ["", /required/],
      ["x".repeat(21), /at most 20/],
    ];
    for (const [input, message] of cases) {
      const r = name.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(false);
      expect(r.error?.issues[0]?.message, JSON.stringify(input)).toMatch(message);
    }
    expect(text.safeParse("ok\u0000").success).toBe(false);
    expect(text.safeParse("\u202e").success).toBe(false);
    expect(text.parse("\u200b")).toBe("");
  });
});
