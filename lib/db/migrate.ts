// Applying migrations from Node (start script, integration-test global setup, scripts/db).
// Node-only: no Next imports. It spawns the Prisma CLI (`prisma migrate deploy`) with the
// config of the URL's provider; the CLI runs migrations through the schema-engine shim in
// prisma/engine/ (see docs/database.md).
//
// SQLite URLs: `file:<path>`. A relative path is resolved against the repository root (the
// folder of prisma.config.ts, which is also the working directory of every npm script), so
// the default `file:./data/portal.db` is <repo>/data/portal.db wherever the caller runs.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Provider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

/** Provider of a database URL: `file:` → sqlite, `postgres://` / `postgresql://` → postgresql. */
export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  throw new Error(`Unsupported database URL "${redactUrl(url)}": expected file:… (SQLite) or postgres(ql)://… (PostgreSQL)`);
}

/** The repository root: the nearest folder above this file holding prisma.config.ts (else cwd). */
export function repoRoot(): string {
  try {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (let i = 0; i < 6; i++) {
      if (fs.existsSync(path.join(dir, "prisma.config.ts")) && fs.existsSync(path.join(dir, "prisma/schema.prisma"))) return dir;
      dir = path.dirname(dir);
    }
  } catch {
    /* bundled: import.meta.url is not a file URL */
  }
  return process.cwd();
}

/**
 * Absolute file path of a SQLite `file:` URL (query string dropped); relative paths are
 * resolved against `root` (default: the repository root). `:memory:` is returned as is.
 */
export function sqliteFilePath(url: string, root: string = repoRoot()): string {
  if (providerOf(url) !== "sqlite") throw new Error("not a SQLite URL");
  let p = url.slice("file:".length);
  const q = p.indexOf("?");
  if (q >= 0) p = p.slice(0, q);
  if (p.startsWith("//")) p = p.slice(2);
  if (p === ":memory:" || p === "") return ":memory:";
  return path.resolve(root, decodeURIComponent(p));
}

/** The same URL with a SQLite path made absolute (PostgreSQL URLs are returned unchanged). */
export function absoluteDatabaseUrl(url: string, root: string = repoRoot()): string {
  if (providerOf(url) !== "sqlite") return url;
  const file = sqliteFilePath(url, root);
  return file === ":memory:" ? url : `file:${file}`;
}

/** Prisma config file (absolute) for a provider. */
export function prismaConfigPath(provider: Provider, root: string = repoRoot()): string {
  return provider === "sqlite" ? path.join(root, "prisma.config.ts") : path.join(root, "prisma/postgres/prisma.config.ts");
}

export function prismaCliPath(root: string = repoRoot()): string {
  return path.join(root, "node_modules/prisma/build/index.js");
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/:]*):[^@/]*@/, "//$1:***@");
}

export interface PrismaRunResult {
  code: number;
  output: string;
  seconds: number;
}

/**
 * Runs the Prisma CLI for one provider with DATABASE_URL set. `inherit` streams its output
 * (and lets it prompt on a TTY); otherwise stdout+stderr are captured.
 */
export function runPrisma(
  args: string[],
  opts: { databaseUrl?: string; provider: Provider; inherit?: boolean; env?: NodeJS.ProcessEnv; root?: string },
): Promise<PrismaRunResult> {
  const root = opts.root ?? repoRoot();
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  if (opts.databaseUrl) env.DATABASE_URL = absoluteDatabaseUrl(opts.databaseUrl, root);
  env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCliPath(root), ...args, "--config", prismaConfigPath(opts.provider, root)], {
      cwd: root,
      env,
      stdio: opts.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

/**
 * Applies pending migrations (prisma/migrations or prisma/postgres/migrations, by URL scheme)
 * to `databaseUrl`, creating the SQLite file / PostgreSQL database if missing. Throws with
 * the CLI's output on failure.
 */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    const file = sqliteFilePath(databaseUrl);
    if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
    if (file !== ":memory:" && sqliteUpToDate(file)) {
      enableIncrementalVacuum(file);
      return;
    }
  }
  const { code, output } = await runPrisma(["migrate", "deploy"], { databaseUrl, provider });
  if (code !== 0) {
    const busy = provider === "sqlite" && output.includes("SocketTimeout")
      ? "\nThe SQLite file is open in another process (a running portal?): the migration engine needs it alone. Stop that process and run this again.\n"
      : "";
    throw new Error(`prisma migrate deploy (${provider}, ${redactUrl(databaseUrl)}) failed with exit code ${code}:${busy}\n${output}`);
  }
  if (provider === "sqlite" && sqliteFilePath(databaseUrl) !== ":memory:") enableIncrementalVacuum(sqliteFilePath(databaseUrl));
}

/**
 * Whether a SQLite file already has every migration of prisma/migrations applied (each folder has
 * a finished, not rolled-back row in `_prisma_migrations`, and no migration is left half-applied),
 * read without the Prisma CLI. migrateDeploy then skips the schema engine: the engine takes the
 * file in exclusive locking mode, which in WAL mode (lib/db/client.ts) fails with SQLITE_BUSY
 * while any other process has the file open — `npm run admin` beside a running portal — and
 * spawning it costs seconds. A missing file or table, or anything pending, answers false.
 */
export function sqliteUpToDate(file: string, root: string = repoRoot()): boolean {
  if (!fs.existsSync(file)) return false;
  const dir = path.join(root, "prisma/migrations");
  const folders = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql"))).map((d) => d.name);
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return false;
    const rows = conn.prepare(`SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM _prisma_migrations`).all() as { name: string; finished: unknown; rolledBack: unknown }[];
    if (rows.some((r) => r.finished === null && r.rolledBack === null)) return false;
    const applied = new Set(rows.filter((r) => r.finished !== null && r.rolledBack === null).map((r) => r.name));
    return folders.every((f) => applied.has(f));
  } finally {
    conn.close();
  }
}

/**
 * Switches a SQLite file to auto_vacuum=INCREMENTAL, so the traffic maintenance can hand the pages
 * of deleted rows back to the file system (`PRAGMA incremental_vacuum`) instead of the file only
 * ever growing. On a file that has tables already this needs one full VACUUM (it rewrites the
 * file: seconds per GB, and as much free disk space as the file's size); afterwards it is a no-op.
 * Returns true when it vacuumed.
 */
export function enableIncrementalVacuum(file: string): boolean {
  const conn = new Database(file);
  try {
    if (Number(conn.pragma("auto_vacuum", { simple: true })) === 2) return false;
    conn.pragma("auto_vacuum = INCREMENTAL");
    conn.exec("VACUUM");
    return true;
  } finally {
    conn.close();
  }
}
