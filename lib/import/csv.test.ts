import { describe, expect, it } from "vitest";
import { parseCsv, splitCsv } from "./csv";
import { toCsv } from "./export";

describe("splitCsv", () => {
  it("reads quotes, doubled quotes, CRLF and line breaks inside quotes, with the line each row starts on", () => {
    const { rows, error } = splitCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\nlast,1');
    expect(error).toBeNull();
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"'] },
      { line: 3, cells: ["two\nlines", "z"] },
      { line: 6, cells: ["last", "1"] },
    ]);
  });

  it("names an unclosed quote", () => {
    expect(splitCsv('a\n"open').error).toMatchObject({ line: 2, field: "csv" });
  });
});

describe("parseCsv", () => {
  it("reads the columns in any order; absent columns stay undefined, empty owner/backup cells are null", () => {
    const { records, errors } = parseCsv("\ufeffTeam,appId,owner\npayments,checkout-api,Alice@Example.com\npayments,card-vault,\n");
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { at: { line: 2 }, appId: "checkout-api", team: "payments", owner: "alice@example.com" },
      { at: { line: 3 }, appId: "card-vault", team: "payments", owner: null },
    ]);
  });

  it("names unknown and missing columns, and rows with the wrong number of cells", () => {
    expect(parseCsv("app,colour\nx,red").errors).toEqual([
      { line: 1, field: "app", message: expect.stringContaining("not a known column") },
      { line: 1, field: "colour", message: expect.stringContaining("not a known column") },
      { line: 1, field: "appId", message: "column is required" },
    ]);
    expect(parseCsv("appId,team\nx").errors).toEqual([{ line: 2, field: "csv", message: "has 1 cells; the header names 2" }]);
    expect(parseCsv("").errors[0]).toMatchObject({ line: 1, field: "csv" });
  });

  it("reads back what the export writes, formula-looking names included", () => {
    const rows = [
      { appId: "a-1", name: "=cmd|' /C calc'!A0", team: "payments", description: "", owner: "alice@example.com", backup: null },
      { appId: "b-2", name: 'Quotes "and", commas', team: "search", description: "", owner: null, backup: null },
    ];
    const { records, errors } = parseCsv(toCsv(rows));
    expect(errors).toEqual([]);
    expect(records.map(({ at: _at, ...r }) => r)).toEqual([
      { appId: "a-1", name: "=cmd|' /C calc'!A0", team: "payments", owner: "alice@example.com", backup: null },
      { appId: "b-2", name: 'Quotes "and", commas', team: "search", owner: null, backup: null },
    ]);
    expect(toCsv(rows)).toContain("'=cmd");
  });
});
