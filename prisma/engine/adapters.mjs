// Driver-adapter factories for the WASM schema engine, with the workarounds that the
// engine/adapter pair needs (see docs/database.md, "Why the schema-engine shim exists").
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { pgConfigOf, pgUrlWithDatabase, quoteIdent, sqlitePathOf } from "./urls.mjs";

/**
 * Counts the statements in a SQL text, ignoring `;` inside quotes, comments and
 * PostgreSQL dollar-quoted bodies. Used to route multi-statement `executeRaw` calls
 * (which drivers reject as prepared statements) to `executeScript`.
 */
export function statementCount(sql) {
  let count = 0;
  let pending = false; // non-blank text since the last `;`
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl < 0 ? sql.length : nl;
    } else if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === "'" || c === '"' || c === "`") {
      pending = true;
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      i = j;
    } else if (c === "$") {
      const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
      pending = true;
      if (m) {
        const end = sql.indexOf(m[0], i + m[0].length);
        i = end < 0 ? sql.length : end + m[0].length - 1;
      }
    } else if (c === ";") {
      if (pending) count++;
      pending = false;
    } else if (!/\s/.test(c)) {
      pending = true;
    }
  }
  return count + (pending ? 1 : 0);
}

/** Last-resort mapping of column types an adapter could not name. */
function fixColumnTypesOf(result) {
  result.columnTypes = result.columnTypes.map((t) => (t === false || t === undefined || t === null ? ColumnTypeEnum.Text : t));
  return result;
}

/** The engine replays migration scripts with executeRaw; a prepared statement cannot hold
 * several statements, so parameterless multi-statement SQL goes through executeScript. */
function isScript(query) {
  return (query.args?.length ?? 0) === 0 && statementCount(query.sql) > 1;
}

function wrapTransaction(tx, { fixColumnTypes }) {
  const w = {
    adapterName: tx.adapterName,
    provider: tx.provider,
    options: tx.options,
    queryRaw: async (q) => {
      const r = await tx.queryRaw(q);
      return fixColumnTypes ? fixColumnTypesOf(r) : r;
    },
    executeRaw: (q) => tx.executeRaw(q),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
  };
  if (tx.createSavepoint) w.createSavepoint = (n) => tx.createSavepoint(n);
  if (tx.rollbackToSavepoint) w.rollbackToSavepoint = (n) => tx.rollbackToSavepoint(n);
  if (tx.releaseSavepoint) w.releaseSavepoint = (n) => tx.releaseSavepoint(n);
  return w;
}

/**
 * Wraps an adapter. `get` returns the current underlying adapter (so the SQLite main
 * connection can be swapped after a reset; `get.current()` is its synchronous twin);
 * `dispose` replaces the adapter's own dispose.
 */
function wrapAdapter(get, { provider, adapterName, dispose, fixColumnTypes = false, executeScript }) {
  const w = {
    provider,
    adapterName,
    queryRaw: async (q) => {
      const r = await (await get()).queryRaw(q);
      return fixColumnTypes ? fixColumnTypesOf(r) : r;
    },
    executeRaw: async (q) => {
      if (isScript(q)) {
        await w.executeScript(q.sql);
        return 0;
      }
      return (await get()).executeRaw(q);
    },
    executeScript: async (script) => (executeScript ? executeScript(await get(), script) : (await get()).executeScript(script)),
    startTransaction: async (level) => wrapTransaction(await (await get()).startTransaction(level), { fixColumnTypes }),
    dispose,
  };
  const current = get.current?.();
  if (current?.getConnectionInfo) w.getConnectionInfo = () => (get.current?.() ?? current).getConnectionInfo();
  return w;
}

// ---------------------------------------------------------------------------------------
// SQLite

/** Deletes a SQLite database file and its side files. */
export function removeSqliteFiles(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    fs.rmSync(file + suffix, { force: true });
  }
}

/**
 * One shared connection to the main database: the engine takes an exclusive lock and a
 * second connection would wait on SQLITE_BUSY (~5 s stalls). Its `dispose` is a no-op;
 * `close()` closes it at process end.
 */
export function createSqliteFactory({ url, shadowDatabaseUrl, baseDir = process.cwd() }) {
  const file = sqlitePathOf(url, baseDir);
  let real = null;
  const open = async () => {
    if (!real) {
      if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
      real = await new PrismaBetterSqlite3({ url: file }).connect();
    }
    return real;
  };
  open.current = () => real;
  const shadowFile = shadowDatabaseUrl ? sqlitePathOf(shadowDatabaseUrl, baseDir) : ":memory:";
  const shadows = new Set();
  const factory = {
    provider: "sqlite",
    adapterName: "@prisma/adapter-better-sqlite3",
    async connect() {
      await open();
      return wrapAdapter(open, { provider: "sqlite", adapterName: factory.adapterName, dispose: async () => {} });
    },
    async connectToShadowDb() {
      if (shadowFile !== ":memory:") removeSqliteFiles(shadowFile);
      const a = await new PrismaBetterSqlite3({ url: shadowFile }).connect();
      shadows.add(a);
      const get = async () => a;
      get.current = () => a;
      return wrapAdapter(get, {
        provider: "sqlite",
        adapterName: factory.adapterName,
        dispose: async () => {
          if (shadows.delete(a)) await a.dispose();
        },
      });
    },
  };
  return {
    provider: "sqlite",
    factory,
    file,
    /** Reset = delete the file (and side files); the next query reopens an empty database. */
    async reset() {
      if (real) {
        await real.dispose();
        real = null;
      }
      if (file === ":memory:") return;
      removeSqliteFiles(file);
      await open();
    },
    async close() {
      for (const a of shadows) await a.dispose().catch(() => {});
      shadows.clear();
      if (real) await real.dispose().catch(() => {});
      real = null;
    },
  };
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function reportCharAsText(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/**
 * adapter-pg rejects the internal `"char"` type (OID 18) that the engine's catalog queries
 * return (pg_class.relkind, …) with UnsupportedNativeDataType; its value is one character
 * of text, so this client reports it as text (OID 25). Used as the pools' `Client`.
 */
export class CharAsTextClient extends pg.Client {
  query(...args) {
    const cb = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    if (cb) return super.query(...args, (err, res) => cb(err, err ? res : reportCharAsText(res)));
    const first = args[0];
    if (first && typeof first === "object" && typeof first.callback === "function") {
      const inner = first.callback;
      first.callback = (err, res) => inner(err, err ? res : reportCharAsText(res));
      return super.query(...args);
    }
    const r = super.query(...args);
    return r && typeof r.then === "function" ? r.then(reportCharAsText) : r;
  }
}

/** Runs one statement on a short-lived connection to `url`. */
export async function pgAdminQuery(url, sql) {
  const client = new pg.Client({ connectionString: pgConfigOf(url).connectionString });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

async function dropDatabase(url, name) {
  const sql = `DROP DATABASE IF EXISTS ${quoteIdent(name)}`;
  try {
    await pgAdminQuery(url, `${sql} WITH (FORCE)`);
  } catch {
    await pgAdminQuery(url, sql); // PostgreSQL < 13
  }
}

/** executeScript for adapter-pg: the whole script as one simple query, like the native engine
 * (adapter-pg splits on every `;`, which breaks quoted semicolons and function bodies). */
async function pgExecuteScript(adapter, script) {
  try {
    await adapter.underlyingDriver().query(script);
  } catch (e) {
    adapter.onError(e);
  }
}

export function createPgFactory({ url, shadowDatabaseUrl }) {
  const cfg = pgConfigOf(url);
  const adapterOptions = cfg.schema ? { schema: cfg.schema } : undefined;
  const main = new PrismaPg({ connectionString: cfg.connectionString, Client: CharAsTextClient }, adapterOptions);
  const open = new Set();
  const shadowDbs = new Set();
  let adminUrl = cfg.connectionString;

  const connectTo = async (factory, dispose) => {
    const a = await factory.connect();
    open.add(a);
    const get = async () => a;
    get.current = () => a;
    return wrapAdapter(get, {
      provider: "postgres",
      adapterName: main.adapterName,
      fixColumnTypes: true,
      executeScript: pgExecuteScript,
      dispose: async () => {
        if (!open.delete(a)) return;
        await a.dispose();
        if (dispose) await dispose();
      },
    });
  };

  const factory = {
    provider: "postgres",
    adapterName: main.adapterName,
    connect: () => connectTo(main),
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const s = pgConfigOf(shadowDatabaseUrl);
        return connectTo(new PrismaPg({ connectionString: s.connectionString, Client: CharAsTextClient }, s.schema ? { schema: s.schema } : undefined));
      }
      // Create and drop the shadow database ourselves: PrismaPg.connectToShadowDb drops it
      // while its own pool still holds connections, fails, and leaves it behind.
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      // Issue CREATE/DROP DATABASE from the main database, or from the `postgres` maintenance
      // database when the main one does not exist (e.g. `migrate diff --from-migrations`).
      try {
        await pgAdminQuery(cfg.connectionString, `CREATE DATABASE ${quoteIdent(name)}`);
      } catch (e) {
        if (e?.code !== "3D000") throw e;
        adminUrl = pgUrlWithDatabase(cfg.connectionString, "postgres");
        await pgAdminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);
      }
      shadowDbs.add(name);
      const shadowUrl = pgUrlWithDatabase(cfg.connectionString, name);
      if (cfg.schema) await pgAdminQuery(shadowUrl, `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(cfg.schema)}`);
      return connectTo(new PrismaPg({ connectionString: shadowUrl, Client: CharAsTextClient }, adapterOptions), async () => {
        shadowDbs.delete(name);
        await dropDatabase(adminUrl, name);
      });
    },
  };

  return {
    provider: "postgresql",
    factory,
    config: cfg,
    /** Drops and recreates the target schema (what the native engine's reset does). */
    async reset() {
      const schema = cfg.schema ?? "public";
      await pgAdminQuery(cfg.connectionString, `DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE; CREATE SCHEMA ${quoteIdent(schema)}`);
    },
    async close() {
      for (const a of open) await a.dispose().catch(() => {});
      open.clear();
      for (const name of shadowDbs) await dropDatabase(adminUrl, name).catch(() => {});
      shadowDbs.clear();
    },
  };
}
