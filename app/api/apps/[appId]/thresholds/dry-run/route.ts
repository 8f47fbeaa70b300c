import { withAuth } from "@/lib/auth/with-auth";
import { dryRunThresholds } from "@/lib/thresholds/dry-run";
import { thresholdDryRunSchema } from "@/lib/validation/thresholds";
import { parseBody } from "@/lib/validation/request";

// POST /api/apps/:appId/thresholds/dry-run — when these thresholds would have fired over the last 7 days
export const POST = withAuth<{ appId: string }>(async ({ req, params }) => {
  const input = await parseBody(req, thresholdDryRunSchema);
  return Response.json(await dryRunThresholds(params.appId, input));
});
