import "server-only";
import { db } from "@/lib/db/client";
import { placeholders } from "@/lib/db/sql";

// Deletes samples older than the retention window (TRAFFIC_RETENTION_DAYS).
export async function pruneTraffic(retentionDays: number, now = Date.now()): Promise<number> {
  const [cutoff] = placeholders(1);
  return db().$executeRawUnsafe(`DELETE FROM "TrafficSample" WHERE "ts" < ${cutoff}`, BigInt(now - retentionDays * 86_400_000));
}
