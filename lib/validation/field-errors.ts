// The one way a zod failure becomes words: per field (API error bodies, forms) or as one line
// (logs, the outbox, start-up). Pure and client-safe: the browser's forms use it too.

/** The part of a zod issue this needs (zod 4's `$ZodIssue` fits). */
export type Issue = { code?: string; path: readonly PropertyKey[]; message: string; keys?: readonly string[] };
export type FieldErrors = Record<string, string>;

export type FieldErrorOptions = {
  /** Name for issues about the whole value (no path). Default "body". */
  root?: string;
  /** "path": the full dotted path (`steps.0.after`, the API's fields); "top": the first segment (a form's field). */
  key?: "path" | "top";
};

/** The first message per field; unknown keys of a strict object are each "is not a known field". */
export function fieldErrors(issues: readonly Issue[], opts: FieldErrorOptions = {}): FieldErrors {
  const root = opts.root ?? "body";
  const name = (path: readonly PropertyKey[]) => (path.length === 0 ? root : opts.key === "top" ? String(path[0]) : path.map(String).join("."));
  const fields: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) fields[name([...issue.path, key])] ??= "is not a known field";
      continue;
    }
    fields[name(issue.path)] ??= issue.message;
  }
  return fields;
}

/** "field message; field message" (or "FIELD: message" lines for settings) — every issue, for a log line or a stored error. */
export function describeIssues(issues: readonly Issue[], opts: { root?: string; separator?: string; colon?: boolean } = {}): string {
  const root = opts.root ?? "body";
  const between = opts.colon ? ": " : " ";
  return issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : root}${between}${i.message}`).join(opts.separator ?? "; ");
}
