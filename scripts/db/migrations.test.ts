// The committed migrations must produce exactly prisma/schema.prisma (SQLite always; PostgreSQL
// when a local server is reachable), and the schema-engine shim's SQL statement splitter must
// respect quotes, comments and dollar-quoting. Runs the real Prisma CLI through the shim.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { statementCount } from "../../prisma/engine/adapters.mjs";
import Database from "better-sqlite3";
import { migrateDeploy, repoRoot, runPrisma, sqliteUpToDate } from "../../lib/db/migrate.ts";
import { postgresMigrationsDir, postgresSchemaPath, sqliteMigrationsDir, sqliteSchemaPath } from "./schemas.ts";

const PG_URL = process.env.MIGRATE_DEV_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_migrate_dev";

/** True if the local server answers; creates the scratch database (the engine connects to it). */
async function postgresReachable(): Promise<boolean> {
  const u = new URL(PG_URL);
  const db = decodeURIComponent(u.pathname.slice(1));
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 1500 });
  try {
    await c.connect();
  } catch {
    return false;
  }
  try {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
    if (!rowCount) await c.query(`CREATE DATABASE "${db.replace(/"/g, '""')}"`).catch(() => {});
    return true;
  } finally {
    await c.end().catch(() => {});
  }
}

describe("schema-engine shim: statementCount", () => {
  it("counts statements, ignoring ; in strings, identifiers, comments and $$ bodies", () => {
    expect(statementCount("")).toBe(0);
    expect(statementCount("SELECT 1")).toBe(1);
    expect(statementCount("SELECT 1;")).toBe(1);
    expect(statementCount("SELECT 1; SELECT 2;\n-- trailing; comment\n")).toBe(2);
    expect(statementCount(`INSERT INTO t VALUES ('a;b', "c;d"); /* x; y */`)).toBe(1);
    expect(statementCount("SELECT 'it''s;'; SELECT 2")).toBe(2);
    expect(statementCount("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$;$$")).toBe(2);
  });
});

describe("migrations produce the schema", () => {
  it("SQLite: prisma/migrations == prisma/schema.prisma (else run `npm run db:migrate -- --name …`)", { timeout: 120_000 }, async () => {
    // a throw-away main database, so the app's data/portal.db is never opened (or locked)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
    try {
      const r = await runPrisma(
        ["migrate", "diff", "--from-migrations", sqliteMigrationsDir, "--to-schema", sqliteSchemaPath, "--exit-code"],
        { provider: "sqlite", databaseUrl: `file:${path.join(dir, "main.db")}` },
      );
      expect(r.code, r.output).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // CI (.ci/run) starts PostgreSQL, so there a missing server is a failure, not a skip.
  it("PostgreSQL: prisma/postgres/migrations == prisma/postgres/schema.prisma (skipped without a local server, outside CI)", { timeout: 120_000 }, async (ctx) => {
    if (!(await postgresReachable())) {
      if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${PG_URL}; .ci/run starts it before the tests`);
      return ctx.skip();
    }
    const r = await runPrisma(
      ["migrate", "diff", "--from-migrations", postgresMigrationsDir, "--to-schema", postgresSchemaPath, "--exit-code"],
      { provider: "postgresql", databaseUrl: PG_URL },
    );
    expect(r.code, r.output).toBe(0);
  });
});

describe("migrateDeploy on SQLite skips the engine when nothing is pending", () => {
  it("answers up to date only when every migration folder has a finished row, and deploys beside an open WAL connection", { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "up-to-date-test-"));
    const file = path.join(dir, "portal.db");
    try {
      expect(sqliteUpToDate(file)).toBe(false); // no file
      await migrateDeploy(`file:${file}`);
      expect(sqliteUpToDate(file)).toBe(true);
      // another process's connection in WAL mode: the engine could not take the file, the fast path needs no lock
      const other = new Database(file);
      other.pragma("journal_mode = WAL");
      other.prepare(`SELECT COUNT(*) FROM "User"`).get();
      try {
        await migrateDeploy(`file:${file}`);
      } finally {
        other.close();
      }
      // a migration folder the file has not seen: pending
      const root = path.join(dir, "repo");
      fs.cpSync(path.join(repoRoot(), "prisma/migrations"), path.join(root, "prisma/migrations"), { recursive: true });
      expect(sqliteUpToDate(file, root)).toBe(true);
      fs.mkdirSync(path.join(root, "prisma/migrations/29990101000000_next"));
      fs.writeFileSync(path.join(root, "prisma/migrations/29990101000000_next/migration.sql"), "SELECT 1;");
      expect(sqliteUpToDate(file, root)).toBe(false);
      // a half-applied migration (started, neither finished nor rolled back): the engine must see it
      const conn = new Database(file);
      conn.prepare(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = (SELECT MAX(migration_name) FROM _prisma_migrations)`).run();
      conn.close();
      expect(sqliteUpToDate(file)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
