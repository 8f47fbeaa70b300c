import { withAuth } from "@/lib/auth/with-auth";
import { resolveFindingByHand } from "@/lib/findings/acknowledge";
import { findingReasonSchema } from "@/lib/validation/oncall";
import { parseBody } from "@/lib/validation/request";

// POST /api/findings/:id/resolve — resolve an open finding by hand ({ reason }, audited)
export const POST = withAuth<{ id: string }>(async ({ req, actor, params }) => {
  const { reason } = await parseBody(req, findingReasonSchema);
  return Response.json(await resolveFindingByHand(actor, params.id, reason));
});
