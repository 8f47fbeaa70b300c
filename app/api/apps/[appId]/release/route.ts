import { withAuth } from "@/lib/auth/with-auth";
import { releaseApp } from "@/lib/ownership/manage-app";
import { releaseSchema } from "@/lib/validation/ownership";
import { parseBody } from "@/lib/validation/request";

// POST /api/apps/:appId/release — give up ownership (owner, team lead, admin)
export const POST = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const { reason } = await parseBody(req, releaseSchema);
  return Response.json({ app: await releaseApp(actor, params.appId, reason ?? null) });
});
