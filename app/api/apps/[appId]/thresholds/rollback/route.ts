import { withAuth } from "@/lib/auth/with-auth";
import { rollbackThresholds } from "@/lib/thresholds/save-thresholds";
import { thresholdRollbackSchema } from "@/lib/validation/thresholds";
import { parseBody } from "@/lib/validation/request";

// POST /api/apps/:appId/thresholds/rollback — restore an earlier version as a new one
export const POST = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const { version, reason } = await parseBody(req, thresholdRollbackSchema);
  const thresholds = await rollbackThresholds(actor, params.appId, version, reason);
  return Response.json({ thresholds, version: thresholds.version });
});
