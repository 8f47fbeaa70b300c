import { withPublic } from "@/lib/auth/with-auth";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, unsealSession } from "@/lib/auth/session";
import { revokeSession } from "@/lib/auth/sessions";

// POST /api/auth/logout — end this session on the server (its cookie stops working
// everywhere) and clear the cookie
export const POST = withPublic(async ({ req }) => {
  const claims = await unsealSession(readCookie(req.headers.get("cookie"), SESSION_COOKIE));
  if (claims) await revokeSession(claims.sid, claims.uid);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(req) } });
});
