import { withPublic } from "@/lib/auth/with-auth";
import { authenticate } from "@/lib/auth/login";
import { sealSession, sessionCookie } from "@/lib/auth/session";
import { getMe } from "@/lib/ownership/me";
import { loginSchema } from "@/lib/validation/account";
import { parseBody } from "@/lib/validation/request";

// POST /api/auth/login — sign in with email and password; sets the session cookie
export const POST = withPublic(async ({ req }) => {
  const { email, password } = await parseBody(req, loginSchema);
  const userId = await authenticate(email, password);
  const res = Response.json({ user: await getMe(userId) });
  res.headers.append("set-cookie", sessionCookie(req, await sealSession(userId)));
  return res;
});
