import { withAuth } from "@/lib/auth/with-auth";
import { notFound } from "@/lib/errors";
import { revokeSession } from "@/lib/auth/sessions";

// DELETE /api/me/sessions/:id — sign out one of my sessions (someone else's id is not found)
export const DELETE = withAuth<{ id: string }>(async ({ actor, params }) => {
  if (!(await revokeSession(params.id, actor.id))) throw notFound("Session");
  return new Response(null, { status: 204 });
});
