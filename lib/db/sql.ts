import { env } from "@/lib/env";
import { providerOf } from "./migrate";

// Raw SQL placeholders differ: PostgreSQL numbers them ($1, $2…), SQLite takes "?".
export function placeholders(count: number, offset = 0): string[] {
  const pg = providerOf(env().DATABASE_URL) === "postgresql";
  return Array.from({ length: count }, (_, i) => (pg ? `$${offset + i + 1}` : "?"));
}
