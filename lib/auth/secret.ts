import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

// SESSION_SECRET wins; without it a random secret is created once in ./data and reused,
// which is right for a single server. Several replicas must share SESSION_SECRET.
export function sessionSecret(): string {
  if (cached) return cached;
  const fromEnv = env().SESSION_SECRET;
  if (fromEnv) return (cached = fromEnv);
  const file = path.resolve(process.cwd(), "data", ".session-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: "wx" });
    } catch {
      // another process created it first: use theirs
    }
    cached = fs.readFileSync(file, "utf8").trim();
  }
  return cached;
}
