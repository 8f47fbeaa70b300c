import { withAuth } from "@/lib/auth/with-auth";
import { acknowledgeFinding, unacknowledgeFinding } from "@/lib/findings/acknowledge";
import { findingReasonSchema } from "@/lib/validation/oncall";
import { parseBody } from "@/lib/validation/request";

// POST /api/findings/:id/ack — acknowledge a finding (a second ack answers with the first)
export const POST = withAuth<{ id: string }>(async ({ actor, params }) => {
  const ack = await acknowledgeFinding(actor, params.id, "api");
  return Response.json({ acknowledgedBy: ack.acknowledgedBy, acknowledgedAt: ack.acknowledgedAt });
});

// DELETE /api/findings/:id/ack — take the acknowledgement back ({ reason }); escalation resumes
export const DELETE = withAuth<{ id: string }>(async ({ req, actor, params }) => {
  const { reason } = await parseBody(req, findingReasonSchema);
  return Response.json(await unacknowledgeFinding(actor, params.id, reason));
});
