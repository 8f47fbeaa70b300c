import bcrypt from "bcryptjs";

// bcrypt (maintained bcryptjs): salted, slow by design. Cost 11 ≈ 0.1–0.2 s per check here.
const COST = 11;

export const DEMO_PASSWORD = "demo";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
