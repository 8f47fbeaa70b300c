import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Sign-in throttling, per account and per client address, kept in the database so every
// replica counts the same failures. After MAX_FAILURES failures within WINDOW_MS a key is
// locked: 1 minute the first time, doubling with each further lock (2, 4, … minutes) up to
// MAX_LOCK_MS — so an attacker can never lock a person out for more than an hour at a time.
// A successful sign-in clears the account's count (not the address's: signing in to one's own
// account must not reset a spray across others). Locks are forgotten after DECAY_MS without
// failures. The counting is one atomic upsert per key; the lock is a conditional update, so
// concurrent failures neither lose counts nor double a lock.

export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;
const FIRST_LOCK_MS = 60_000;
export const MAX_LOCK_MS = 60 * 60_000;
const DECAY_MS = 24 * 60 * 60_000;

export function lockDurationMs(previousLocks: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.min(previousLocks, 20), MAX_LOCK_MS);
}

export function throttleKeys(email: string, address: string | null): string[] {
  return [`account:${email.toLowerCase()}`, ...(address ? [`address:${address}`] : [])];
}

/** 429 too_many_attempts with the seconds to wait, when any key is locked now. */
export async function assertNotThrottled(keys: string[], now = Date.now()): Promise<void> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
  const until = Math.max(0, ...rows.map((r) => Number(r.lockedUntil)));
  if (until > now) {
    const retryAfter = Math.ceil((until - now) / 1000);
    throw new AppError("too_many_attempts", `Too many failed sign-ins; try again in ${retryAfter} seconds`, undefined, { "Retry-After": String(retryAfter) });
  }
}

export async function recordFailure(keys: string[], now = Date.now()): Promise<void> {
  const t = BigInt(now);
  const windowCutoff = BigInt(now - WINDOW_MS);
  const decayCutoff = BigInt(now - DECAY_MS);
  for (const key of keys) {
    // a count starts afresh when its window has passed or its lock has run out
    const rows = await db().$queryRaw<{ failures: number | bigint; lockouts: number | bigint }[]>`
      INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil", "lockouts", "lastFailure")
      VALUES (${key}, 1, ${t}, 0, 0, ${t})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowCutoff}
                            OR ("LoginThrottle"."lockedUntil" > 0 AND "LoginThrottle"."lockedUntil" <= ${t})
                          THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
        "windowStart" = CASE WHEN "LoginThrottle"."windowStart" <= ${windowCutoff}
                            OR ("LoginThrottle"."lockedUntil" > 0 AND "LoginThrottle"."lockedUntil" <= ${t})
                          THEN ${t} ELSE "LoginThrottle"."windowStart" END,
        "lockedUntil" = CASE WHEN "LoginThrottle"."lockedUntil" <= ${t} THEN 0 ELSE "LoginThrottle"."lockedUntil" END,
        "lockouts" = CASE WHEN "LoginThrottle"."lastFailure" <= ${decayCutoff} THEN 0 ELSE "LoginThrottle"."lockouts" END,
        "lastFailure" = ${t}
      RETURNING "failures", "lockouts"`;
    const row = rows[0];
    if (!row || Number(row.failures) < MAX_FAILURES) continue;
    const until = BigInt(now + lockDurationMs(Number(row.lockouts)));
    await db().loginThrottle.updateMany({
      where: { key, failures: { gte: MAX_FAILURES } },
      data: { lockedUntil: until, lockouts: { increment: 1 }, failures: 0, windowStart: t },
    });
  }
}

/** A successful sign-in: the account starts afresh (its lock history too). */
export async function recordSuccess(email: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: `account:${email.toLowerCase()}` } });
}
