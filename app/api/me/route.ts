import { withAuth } from "@/lib/auth/with-auth";
import { getMe, updateProfile } from "@/lib/ownership/me";
import { profileUpdateSchema } from "@/lib/validation/account";
import { parseBody } from "@/lib/validation/request";
import { assertWebhookAllowed } from "@/lib/net/webhook-policy";

// GET /api/me — the signed-in user
export const GET = withAuth(async ({ actor }) => Response.json({ user: await getMe(actor.id) }));

// PATCH /api/me — change my name and notification contact
export const PATCH = withAuth(async ({ req, actor }) => {
  const input = await parseBody(req, profileUpdateSchema);
  if (input.notifyWebhook) await assertWebhookAllowed(input.notifyWebhook);
  return Response.json({ user: await updateProfile(actor.id, actor.email, input) });
});
