import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type BetterSqlite3 from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PgClient } from "./generated/postgres/client";
import { env } from "@/lib/env";
import { sqliteFilePath } from "./migrate";
import { startCheckpointer, stopCheckpointer } from "./wal-checkpointer";

// Both generated clients come from one model (prisma/schema.prisma), so they share one shape;
// the rest of the code sees the SQLite client's type.
export type Db = SqliteClient;

const omit = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
} as const;

type Handle = { url: string; client: Db; sqlite: { connection: BetterSqlite3.Database | null } | null; pool: pg.Pool | null };

/**
 * Write-ahead logging with synchronous=NORMAL: a commit appends to the -wal file without waiting
 * for fsync (the log is synced at checkpoints), so a write transaction costs tens of microseconds
 * instead of two fsyncs (about 2.6 ms here), and readers never wait for a writer. What it gives
 * up: after a power loss or OS crash (not a process crash) the last transactions before it may
 * be rolled back; the file stays consistent. WAL is a property of the file, so every later
 * connection (the CLI, another process) uses it too; synchronous is per connection.
 * busy_timeout lets a second process (npm run admin, a migration) wait for a lock instead of
 * failing at once with SQLITE_BUSY.
 */
export function configureSqliteConnection(conn: BetterSqlite3.Database): void {
  if (conn.memory) return;
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("busy_timeout = 5000");
}

// On SQLite the factory keeps the better-sqlite3 connection it opened, so lib/traffic can run its
// bulk statements on the same connection as Prisma (one connection: no SQLITE_BUSY between them).
function sqliteFactory(url: string, slot: { connection: BetterSqlite3.Database | null }): SqlDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: sqliteFilePath(url) });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = await inner.connect();
      // the adapter's (public) better-sqlite3 handle
      const conn = (adapter as unknown as { client: BetterSqlite3.Database }).client;
      // 64 MiB of page cache (default 2 MiB): ingest touches the newest page of every app
      conn.pragma("cache_size = -65536");
      configureSqliteConnection(conn);
      // checkpoints run in a worker thread, not inside the COMMIT on this thread (./wal-checkpointer.ts)
      startCheckpointer(conn);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        stopCheckpointer(conn);
        await dispose();
      };
      slot.connection = conn;
      return adapter;
    },
  };
}

/**
 * PostgreSQL session settings of every pooled connection. jit=off: the portal's statements are
 * index seeks over a few rows each, but one over a batch of apps (the detection tick's reads and
 * writes for 500 apps) is estimated above jit_above_cost, and PostgreSQL then compiles it first:
 * EXPLAIN ANALYZE of the read of 500 apps' new samples on 2,000 apps × 1 d took 146–160 ms with
 * JIT and 29 ms without (docs/detection.md, "On PostgreSQL"). An `options` parameter in
 * DATABASE_URL takes precedence over this one.
 */
export const PG_OPTIONS = "-c jit=off";

function create(url: string): Handle {
  if (url.startsWith("file:")) {
    const sqlite = { connection: null };
    const client = new SqliteClient({ adapter: sqliteFactory(url, sqlite), omit }) as unknown as Db;
    return { url, client, sqlite, pool: null };
  }
  // The pool is Prisma's (the adapter takes it) and pgPool's. It outlives $disconnect (Prisma then
  // detaches from it and takes it again on its next query); allowExitOnIdle: its idle connections
  // do not keep a finished process alive, as $disconnect's closing them did before.
  const pool = new pg.Pool({ connectionString: url, options: PG_OPTIONS, allowExitOnIdle: true });
  return { url, client: new PgClient({ adapter: new PrismaPg(pool), omit }) as unknown as Db, sqlite: null, pool };
}

const globalForDb = globalThis as unknown as { portalDb?: Handle };

function handle(): Handle {
  const url = env().DATABASE_URL;
  if (globalForDb.portalDb?.url !== url) globalForDb.portalDb = create(url);
  return globalForDb.portalDb;
}

// One client per process, kept on globalThis so Next's bundles and hot reload share it.
export function db(): Db {
  return handle().client;
}

/**
 * Prisma's own better-sqlite3 connection (SQLite), or null on PostgreSQL. Statements run on it
 * synchronously; callers must not leave a transaction open across an await (lib/traffic/sqlite.ts).
 */
export async function sqliteConnection(): Promise<BetterSqlite3.Database | null> {
  const h = handle();
  if (!h.sqlite) return null;
  if (!h.sqlite.connection || !h.sqlite.connection.open) await h.client.$connect();
  if (!h.sqlite.connection) throw new Error("SQLite connection not available after $connect");
  return h.sqlite.connection;
}

/**
 * Prisma's own node-postgres pool (PostgreSQL), or null on SQLite: for the detection tick's bulk
 * statements, whose parameters and results Prisma would pass through JSON (byte columns and
 * parameters as base64 strings: a state's ~100 kB encoded, copied and decoded each way). The
 * connections are the same as Prisma's, with the same session settings (PG_OPTIONS). Results
 * come with node-postgres's own type parsing (int8 as a string).
 */
export function pgPool(): pg.Pool | null {
  return handle().pool;
}

/** Runs `fn` in a transaction on one connection of the pool: BEGIN, fn, COMMIT; ROLLBACK when anything throws. */
export async function pgTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let out: T;
  try {
    await client.query("BEGIN");
    out = await fn(client);
    await client.query("COMMIT");
  } catch (error) {
    try {
      await client.query("ROLLBACK");
      client.release();
    } catch (rollback) {
      // the connection is in no state to be reused
      client.release(rollback instanceof Error ? rollback : new Error(String(rollback)));
    }
    throw error;
  }
  client.release();
  return out;
}
