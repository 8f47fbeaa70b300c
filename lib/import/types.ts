// The words of an ownership import, shared by the parsers, the planner, the API and the page.

export const IMPORT_FORMATS = ["csv", "catalog"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a record came from: its line in a CSV file, or its document (1-based) in a YAML stream. */
export type Where = { line: number } | { document: number };

/**
 * One app as the file describes it. A field left `undefined` was not given (stays as it is);
 * `null` owner or backup means "nobody" (an empty CSV cell, an empty annotation).
 */
export type ImportRecord = {
  at: Where;
  appId: string;
  name?: string;
  team?: string;
  owner?: string | null;
  backup?: string | null;
};

export type ImportError = Where & { field: string; message: string };

export const CHANGE_FIELDS = ["app", "name", "team", "owner", "backup"] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** One change the import makes; `field: "app"` is a new app (before null, after its appId). */
export type ImportChange = Where & { appId: string; field: ChangeField; before: string | null; after: string | null };

export type Parsed = { records: ImportRecord[]; errors: ImportError[]; ignored: number };

/** At most this many apps per import (a file of the whole fleet fits; a runaway file does not). */
export const MAX_IMPORT_RECORDS = 5_000;
/** Body cap of POST /api/import (docs/api.md, Limits). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const CSV_COLUMNS = ["appId", "name", "team", "owner", "backup"] as const;

/** The portal's annotations on a Backstage Component. */
export const OWNER_ANNOTATION = "ownership-portal/owner";
export const BACKUP_ANNOTATION = "ownership-portal/backup";

export const describeWhere = (w: Where) => ("line" in w ? `line ${w.line}` : `document ${w.document}`);
