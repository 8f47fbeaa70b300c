import { withAuth } from "@/lib/auth/with-auth";
import { transferApp } from "@/lib/ownership/manage-app";
import { transferSchema } from "@/lib/validation/ownership";
import { parseBody } from "@/lib/validation/request";

// POST /api/apps/:appId/transfer — hand the app to another person, with a reason
export const POST = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const { toEmail, reason } = await parseBody(req, transferSchema);
  return Response.json({ app: await transferApp(actor, params.appId, toEmail, reason) });
});
