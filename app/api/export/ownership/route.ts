import { withAuth } from "@/lib/auth/with-auth";
import { toCatalog, toCsv } from "@/lib/import/export";
import { exportRows } from "@/lib/import/run";
import { exportQuerySchema } from "@/lib/validation/import";
import { parseQuery } from "@/lib/validation/request";

// GET /api/export/ownership?format=csv|catalog — every app with team, owner and backup, as CSV or
// as a Backstage catalog (one Component per app); the import reads both back
export const GET = withAuth(async ({ req }) => {
  const { format } = parseQuery(req, exportQuerySchema);
  const rows = await exportRows();
  const [body, type, file] = format === "csv" ? [toCsv(rows), "text/csv; charset=utf-8", "ownership.csv"] : [toCatalog(rows), "application/yaml; charset=utf-8", "catalog-info.yaml"];
  return new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${file}"`, "cache-control": "no-store" } });
});
