import { withPublic } from "@/lib/auth/with-auth";
import { clearedSessionCookie } from "@/lib/auth/session";

// POST /api/auth/logout — clear the session cookie
export const POST = withPublic(async ({ req }) => {
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookie(req) } });
});
