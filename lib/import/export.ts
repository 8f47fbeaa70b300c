import { stringify } from "yaml";
import { BACKUP_ANNOTATION, CSV_COLUMNS, OWNER_ANNOTATION } from "./types";

// Ownership out of the portal: CSV (one row per app, the columns the import reads back) or a
// Backstage catalog (one Component per app). Pure: the route loads the rows.

export type ExportRow = { appId: string; name: string; team: string; description: string; owner: string | null; backup: string | null };

// A cell a spreadsheet would run as a formula gets a leading ' (the import removes it again).
const guard = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.appId, r.name, r.team, r.owner ?? "", r.backup ?? ""].map((c) => quote(guard(c))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function toCatalog(rows: readonly ExportRow[]): string {
  return rows
    .map((r) =>
      stringify({
        apiVersion: "backstage.io/v1alpha1",
        kind: "Component",
        metadata: {
          name: r.appId,
          title: r.name,
          ...(r.description ? { description: r.description } : {}),
          annotations: { [OWNER_ANNOTATION]: r.owner ?? "", [BACKUP_ANNOTATION]: r.backup ?? "" },
        },
        spec: { type: "service", lifecycle: "production", owner: `group:${r.team}` },
      }),
    )
    .map((doc) => `---\n${doc}`)
    .join("");
}
