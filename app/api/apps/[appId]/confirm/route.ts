import { withAuth } from "@/lib/auth/with-auth";
import { confirmApp } from "@/lib/ownership/confirm";
import { confirmSchema } from "@/lib/validation/stewardship";
import { parseBody } from "@/lib/validation/request";

// POST /api/apps/:appId/confirm — the owner confirms the app is still theirs ("still mine"); optional { note }
export const POST = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const input = await parseBody(req, confirmSchema);
  return Response.json({ app: await confirmApp(actor, params.appId, input.note) });
});
