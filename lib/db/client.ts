import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PgClient } from "./generated/postgres/client";
import { env } from "@/lib/env";
import { sqliteFilePath } from "./migrate";

// Both generated clients come from one model (prisma/schema.prisma), so they share one shape;
// the rest of the code sees the SQLite client's type.
export type Db = SqliteClient;

const omit = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
} as const;

function create(url: string): Db {
  if (url.startsWith("file:")) {
    const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url) });
    return new SqliteClient({ adapter, omit }) as unknown as Db;
  }
  const adapter = new PrismaPg({ connectionString: url });
  return new PgClient({ adapter, omit }) as unknown as Db;
}

const globalForDb = globalThis as unknown as { portalDb?: { url: string; client: Db } };

// One client per process, kept on globalThis so Next's bundles and hot reload share it.
export function db(): Db {
  const url = env().DATABASE_URL;
  if (globalForDb.portalDb?.url !== url) {
    globalForDb.portalDb = { url, client: create(url) };
  }
  return globalForDb.portalDb.client;
}
