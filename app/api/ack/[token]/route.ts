import { withPublic } from "@/lib/auth/with-auth";
import { acknowledgeByToken } from "@/lib/notify/ack-link";

// POST /api/ack/:token — acknowledge the findings a notification's signed link names (no session)
export const POST = withPublic<{ token: string }>(async ({ params }) => {
  const acks = await acknowledgeByToken(params.token);
  return Response.json({ items: acks });
});
