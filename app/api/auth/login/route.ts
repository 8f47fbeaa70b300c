import { withPublic } from "@/lib/auth/with-auth";
import { authenticate } from "@/lib/auth/login";
import { clientAddress, sealSession, sessionCookie } from "@/lib/auth/session";
import { assertNotThrottled, recordFailure, recordSuccess, throttleKeys } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { getMe } from "@/lib/ownership/me";
import { loginSchema } from "@/lib/validation/account";
import { parseBody } from "@/lib/validation/request";

// POST /api/auth/login — sign in with email and password; sets the session cookie.
// 429 too_many_attempts (+ Retry-After) while the account or the client address is locked.
export const POST = withPublic(async ({ req }) => {
  const { email, password } = await parseBody(req, loginSchema);
  const address = clientAddress(req);
  const keys = throttleKeys(email, address);
  await assertNotThrottled(keys);
  let userId: string;
  try {
    userId = await authenticate(email, password);
  } catch (error) {
    if (error instanceof AppError && error.code === "invalid_credentials") await recordFailure(keys);
    throw error;
  }
  await recordSuccess(email);
  const res = Response.json({ user: await getMe(userId) });
  res.headers.append("set-cookie", sessionCookie(req, await sealSession(userId, { userAgent: req.headers.get("user-agent"), address })));
  return res;
});
