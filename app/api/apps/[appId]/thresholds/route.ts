import { withAuth } from "@/lib/auth/with-auth";
import { currentThresholds } from "@/lib/thresholds/read-thresholds";
import { saveThresholds } from "@/lib/thresholds/save-thresholds";
import { thresholdUpdateSchema } from "@/lib/validation/thresholds";
import { parseBody } from "@/lib/validation/request";

// GET /api/apps/:appId/thresholds — the current thresholds (null before the first save) and whether I may edit them
export const GET = withAuth<{ appId: string }>(async ({ actor, params }) =>
  Response.json(await currentThresholds(actor, params.appId)),
);

// PUT /api/apps/:appId/thresholds — save new thresholds as the next version (owner, backup, team lead, admin)
export const PUT = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const input = await parseBody(req, thresholdUpdateSchema);
  const thresholds = await saveThresholds(actor, params.appId, input);
  return Response.json({ thresholds, version: thresholds.version });
});
