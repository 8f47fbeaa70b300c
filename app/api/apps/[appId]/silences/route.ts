import { withAuth } from "@/lib/auth/with-auth";
import { createSilence, listSilences } from "@/lib/notify/silences";
import { silenceCreateSchema } from "@/lib/validation/oncall";
import { parseBody } from "@/lib/validation/request";

// GET /api/apps/:appId/silences — the app's silences, newest first (active, upcoming, over)
export const GET = withAuth<{ appId: string }>(async ({ params }) => Response.json({ items: await listSilences(params.appId) }));

// POST /api/apps/:appId/silences — silence the app ({ from?, until, reason }): owner, backup, team lead, admin
export const POST = withAuth<{ appId: string }>(async ({ req, actor, params }) => {
  const input = await parseBody(req, silenceCreateSchema);
  return Response.json({ silence: await createSilence(actor, params.appId, input) }, { status: 201 });
});
