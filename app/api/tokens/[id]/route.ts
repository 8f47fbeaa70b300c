import { withAuth } from "@/lib/auth/with-auth";
import { revokeToken } from "@/lib/tokens/tokens";

// DELETE /api/tokens/:id — revoke one of my tokens
export const DELETE = withAuth<{ id: string }>(async ({ actor, params }) => {
  await revokeToken(actor.id, params.id);
  return new Response(null, { status: 204 });
});
