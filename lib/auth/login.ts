import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "./password";

// A fixed bcrypt hash to compare against when the email is unknown, so both paths cost the same.
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhu5n4tP1OjF1l3M5I5QeqGm8lE2nY0YQW";

export async function authenticate(email: string, password: string): Promise<string> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, active: true } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  // a deactivated person gets the same answer as a wrong password (no account probing)
  if (!user || !ok || !user.active) throw new AppError("invalid_credentials", "Wrong email or password");
  return user.id;
}
