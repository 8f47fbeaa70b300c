import { parseAllDocuments } from "yaml";
import { BACKUP_ANNOTATION, MAX_IMPORT_RECORDS, OWNER_ANNOTATION, type ImportError, type ImportRecord, type Parsed } from "./types";

// Backstage catalog files: a stream of YAML documents, each an entity. Every `kind: Component`
// is one app: metadata.name = appId, metadata.title = name, spec.owner = its team as a group
// (`group:payments`, `group:default/payments` or `payments`), and the portal's annotations name
// the owner and backup (absent: left as they are; empty: nobody). Other kinds are ignored, so a
// plain catalog-info.yaml with spec.owner only is enough to register apps in their teams.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The team slug a Backstage owner reference names, or null when it is not a group. */
export function teamOfOwnerRef(ref: string): string | null {
  const m = /^(?:group:)?(?:default\/)?([^:/\s]+)$/i.exec(ref.trim());
  if (!m || /^(user|component|system|api|resource|domain):/i.test(ref.trim())) return null;
  return m[1]!.toLowerCase();
}

export function parseCatalog(text: string): Parsed {
  const records: ImportRecord[] = [];
  const errors: ImportError[] = [];
  let ignored = 0;
  // maxAliasCount (default 100) keeps an alias bomb from expanding
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > MAX_IMPORT_RECORDS) return { records, errors: [{ document: 1, field: "yaml", message: `has ${list.length} documents; at most ${MAX_IMPORT_RECORDS} per import` }], ignored };
  list.forEach((doc, i) => {
    const document = i + 1;
    const err = (field: string, message: string) => errors.push({ document, field, message });
    if (doc.errors.length > 0) return err("yaml", `is not valid YAML: ${doc.errors[0]!.message.split("\n")[0]}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return err("yaml", `cannot be read: ${e instanceof Error ? e.message.split("\n")[0] : "unknown error"}`);
    }
    if (value === null || value === undefined) return; // an empty document (a trailing ---)
    if (!isRecord(value)) return err("kind", "must be a Backstage entity (a mapping with kind, metadata, spec)");
    if (value.kind !== "Component") {
      ignored += 1;
      return;
    }
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    const spec = isRecord(value.spec) ? value.spec : {};
    const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
    if (typeof metadata.name !== "string" || metadata.name.trim() === "") return err("metadata.name", "is required (it is the appId)");
    const record: ImportRecord = { at: { document }, appId: metadata.name.trim() };
    if (typeof metadata.title === "string" && metadata.title.trim() !== "") record.name = metadata.title.trim();
    if (spec.owner !== undefined) {
      const team = typeof spec.owner === "string" ? teamOfOwnerRef(spec.owner) : null;
      if (!team) return err("spec.owner", "must name a group: group:<team>");
      record.team = team;
    }
    for (const [key, field] of [[OWNER_ANNOTATION, "owner"], [BACKUP_ANNOTATION, "backup"]] as const) {
      const v = annotations[key];
      if (v === undefined) continue;
      if (v !== null && typeof v !== "string") return err(`metadata.annotations.${key}`, "must be an email address or empty");
      record[field] = v === null || v.trim() === "" ? null : v.trim().toLowerCase();
    }
    records.push(record);
  });
  return { records, errors, ignored };
}

/** Whether pasted text looks like YAML (a catalog) rather than CSV. */
export function looksLikeCatalog(text: string): boolean {
  const first = text.replace(/^\ufeff/, "").split(/\r?\n/).find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  return first !== undefined && /^(---|apiVersion\s*:|kind\s*:|metadata\s*:)/.test(first.trim());
}
