import { withAuth } from "@/lib/auth/with-auth";
import { listFindings } from "@/lib/findings/list-findings";
import { findingsQuerySchema } from "@/lib/validation/traffic";
import { parseQuery } from "@/lib/validation/request";

// GET /api/apps/:appId/findings?status=open|resolved|all — the app's findings, newest first
export const GET = withAuth<{ appId: string }>(async ({ req, params }) => {
  const { status, limit } = parseQuery(req, findingsQuerySchema);
  return Response.json({ items: await listFindings(params.appId, status, limit) });
});
