import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import { setImmediate as yieldToLoop, setTimeout as sleep } from "node:timers/promises";
import { walRoom } from "@/lib/db/wal-checkpointer";

// Bulk traffic work on SQLite runs on Prisma's own connection (lib/db/client.ts), synchronously
// (better-sqlite3), in bounded slices: each slice is one short transaction that starts only while
// no Prisma transaction is open on the connection, and the event loop is given back between
// slices. So a request waits at most for one slice, not for a whole ingest or maintenance pass,
// and there is no second connection to get SQLITE_BUSY from. Checkpoints run in a worker thread
// (lib/db/wal-checkpointer.ts); a slice first waits while the -wal file is over its limit.

const WAIT_MS = 2;

/** Runs `fn` in one IMMEDIATE transaction once the connection is free, then yields to the event loop. */
export async function inSlice<T>(conn: BetterSqlite3.Database, fn: () => T): Promise<T> {
  await walRoom(conn);
  while (conn.inTransaction) await sleep(WAIT_MS);
  const result = conn.transaction(fn).immediate();
  await yieldToLoop();
  return result;
}

/** A prepared statement cached per connection, returning plain numbers (Prisma's adapter turns on BigInt). */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
export function statement(conn: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let m = cache.get(conn);
  if (!m) cache.set(conn, (m = new Map()));
  let s = m.get(sql);
  if (!s) {
    s = conn.prepare(sql);
    if (s.reader) s.safeIntegers(false);
    m.set(sql, s);
  }
  return s;
}

/** Bytes of live data in the file (pages in use × page size), and of free pages. */
export function sqliteBytes(conn: BetterSqlite3.Database): { live: number; free: number } {
  const pageSize = Number(conn.pragma("page_size", { simple: true }));
  const pages = Number(conn.pragma("page_count", { simple: true }));
  const free = Number(conn.pragma("freelist_count", { simple: true }));
  return { live: (pages - free) * pageSize, free: free * pageSize };
}

/** Returns free pages to the file system a few at a time (auto_vacuum=INCREMENTAL), yielding between. */
export async function vacuumFreePages(conn: BetterSqlite3.Database, pagesPerSlice = 512): Promise<number> {
  let freed = 0;
  for (;;) {
    const free = Number(conn.pragma("freelist_count", { simple: true }));
    if (free === 0 || Number(conn.pragma("auto_vacuum", { simple: true })) !== 2) return freed;
    while (conn.inTransaction) await sleep(WAIT_MS);
    conn.pragma(`incremental_vacuum(${pagesPerSlice})`);
    freed += Math.min(free, pagesPerSlice);
    await yieldToLoop();
  }
}
