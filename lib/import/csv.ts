import { CSV_COLUMNS, MAX_IMPORT_RECORDS, type ImportError, type ImportRecord, type Parsed } from "./types";

// CSV as RFC 4180 writes it (quotes, doubled quotes, CRLF or LF, line breaks inside quotes),
// with a header naming the columns: appId (required), name, team, owner, backup, in any order.
// A column that is absent leaves that field as it is; an empty owner/backup cell means nobody.

type Row = { line: number; cells: string[] };

/** Splits CSV text into rows of cells, each with the line it starts on. */
export function splitCsv(text: string): { rows: Row[]; error: ImportError | null } {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a BOM (spreadsheets write one)
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) return { rows, error: { line: rowLine, field: "csv", message: "has a quoted cell that is never closed" } };
  endRow();
  return { rows, error: null };
}

// Spreadsheet formula injection: the export prefixes such cells with ' and the import removes it.
const FORMULA = /^'[=+\-@\t\r]/;
export const unguard = (cell: string) => (FORMULA.test(cell) ? cell.slice(1) : cell);

export function parseCsv(text: string): Parsed {
  const { rows, error } = splitCsv(text);
  const errors: ImportError[] = error ? [error] : [];
  const header = rows.shift();
  if (!header) return { records: [], errors: [...errors, { line: 1, field: "csv", message: "is empty: the first line names the columns (appId,name,team,owner,backup)" }], ignored: 0 };
  const columns = header.cells.map((c) => c.trim());
  const known = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const names = columns.map((c) => known.get(c.toLowerCase()) ?? null);
  columns.forEach((c, i) => {
    if (names[i] === null) errors.push({ line: header.line, field: c || `column ${i + 1}`, message: "is not a known column (appId, name, team, owner, backup)" });
    else if (names.indexOf(names[i] ?? null) !== i) errors.push({ line: header.line, field: c, message: "is named twice" });
  });
  if (!names.includes("appId")) errors.push({ line: header.line, field: "appId", message: "column is required" });
  if (errors.length > 0) return { records: [], errors, ignored: 0 };
  if (rows.length > MAX_IMPORT_RECORDS) return { records: [], errors: [{ line: header.line, field: "csv", message: `has ${rows.length} rows; at most ${MAX_IMPORT_RECORDS} per import` }], ignored: 0 };

  const records: ImportRecord[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      errors.push({ line: row.line, field: "csv", message: `has ${row.cells.length} cells; the header names ${names.length}` });
      continue;
    }
    const get = (name: string) => {
      const i = names.indexOf(name as (typeof CSV_COLUMNS)[number]);
      return i < 0 ? undefined : unguard(row.cells[i]!.trim());
    };
    const person = (v: string | undefined) => (v === undefined ? undefined : v === "" ? null : v.toLowerCase());
    const name = get("name");
    const team = get("team");
    records.push({
      at: { line: row.line },
      appId: get("appId") ?? "",
      ...(name ? { name } : {}),
      ...(team ? { team } : {}),
      ...(names.includes("owner") ? { owner: person(get("owner")) } : {}),
      ...(names.includes("backup") ? { backup: person(get("backup")) } : {}),
    });
  }
  return { records, errors, ignored: 0 };
}
