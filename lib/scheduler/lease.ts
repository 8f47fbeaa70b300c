import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/errors";

export const HOLDER = `${process.pid}-${crypto.randomBytes(3).toString("hex")}`;

// The slot a tick belongs to: every replica computes the same slot for the same interval.
export const slotOf = (nowMs: number, intervalMs: number) => Math.floor(nowMs / intervalMs) * intervalMs;

// At most once per slot across replicas (a replica that dies mid-tick loses that slot): the first replica to insert "<job>@<slot>" runs the
// tick; the primary key makes every other insert fail in the database.
export async function claimTick(job: string, slotMs: number, intervalMs: number): Promise<boolean> {
  try {
    await db().lease.create({
      data: { name: `${job}@${new Date(slotMs).toISOString()}`, holder: HOLDER, expiresAt: new Date(slotMs + 2 * intervalMs) },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function pruneLeases(now = new Date()): Promise<number> {
  const { count } = await db().lease.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return count;
}
