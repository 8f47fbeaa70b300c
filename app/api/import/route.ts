import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { looksLikeCatalog } from "@/lib/import/catalog";
import { runImport } from "@/lib/import/run";
import { MAX_IMPORT_BYTES, type ImportFormat } from "@/lib/import/types";
import { importBodySchema, importQuerySchema } from "@/lib/validation/import";
import { parseBody, parseQuery, readBodyText } from "@/lib/validation/request";

const RAW: Record<string, ImportFormat> = { "text/csv": "csv", "application/yaml": "catalog", "text/yaml": "catalog", "application/x-yaml": "catalog" };

// The file and its format: JSON { format?, content } (the page), or the file itself as text/csv,
// application/yaml or text/plain (then told apart by its first line).
async function readImport(req: Request): Promise<{ text: string; format: ImportFormat }> {
  const type = (req.headers.get("content-type") ?? "application/json").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") {
    const { content, format } = await parseBody(req, importBodySchema, { maxBytes: MAX_IMPORT_BYTES });
    return { text: content, format: format ?? (looksLikeCatalog(content) ? "catalog" : "csv") };
  }
  if (type in RAW || type === "text/plain") {
    const text = await readBodyText(req, MAX_IMPORT_BYTES);
    if (text.trim() === "") throw new AppError("validation_failed", "content is required", { content: "is required" });
    return { text, format: RAW[type] ?? (looksLikeCatalog(text) ? "catalog" : "csv") };
  }
  throw new AppError("bad_request", `Content-Type ${type} is not read here`, { "content-type": "must be application/json, text/csv, application/yaml or text/plain" });
}

// POST /api/import?dryRun=true|false — import ownership from CSV or a Backstage catalog (admins;
// leads for their team's apps): the dry run (default) answers { changes, errors }; applying is
// all-or-nothing (any error: 422, nothing changed), every change audited as the importer's
export const POST = withAuth(async ({ req, actor }) => {
  const { dryRun } = parseQuery(req, importQuerySchema);
  const { text, format } = await readImport(req);
  return Response.json(await runImport(actor, text, format, dryRun === "true"));
}, { role: "lead" });
