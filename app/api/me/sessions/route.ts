import { withAuth } from "@/lib/auth/with-auth";
import { clearedSessionCookie } from "@/lib/auth/session";
import { listSessions, revokeAllSessions } from "@/lib/auth/sessions";

// GET /api/me/sessions — where I am signed in (live sessions; `current` marks this browser)
export const GET = withAuth(async ({ actor }) => Response.json({ items: await listSessions(actor.id, actor.sessionId) }));

// DELETE /api/me/sessions — sign out everywhere, this browser included
export const DELETE = withAuth(async ({ req, actor }) => {
  const ended = await revokeAllSessions(actor.id);
  const headers = actor.via === "session" ? { "set-cookie": clearedSessionCookie(req) } : undefined;
  return Response.json({ ended }, { headers });
});
