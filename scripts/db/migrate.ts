// npm run db:migrate -- --name <name> [--create-only]
//
// The one command to run after changing prisma/schema.prisma:
//   1. regenerates prisma/postgres/schema.prisma from it (sync-schemas);
//   2. creates the migration for SQLite (prisma migrate dev --create-only against a scratch
//      file, data/migrate-dev.db, rebuilt from the existing migrations each run);
//   3. creates it for PostgreSQL the same way, against a scratch database on the local server
//      (MIGRATE_DEV_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/portal_migrate_dev;
//      created if missing, WIPED on every run) and gives its folder the SQLite folder's name,
//      so both migration folders always hold the same migration names;
//   4. applies the new migration to both scratch databases (unless --create-only, which leaves
//      the SQL for you to edit; apply it later with `npm run db:deploy`);
//   5. regenerates both Prisma clients.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { redactUrl, runPrisma, type Provider } from "../../lib/db/migrate.ts";
import { migrationNames, postgresMigrationsDir, repoRoot, sqliteMigrationsDir, syncSchemas } from "./schemas.ts";
import { generateClients, timed } from "./steps.ts";

const DEFAULT_PG_SCRATCH = "postgresql://postgres@127.0.0.1:5432/portal_migrate_dev";
const PROTECTED_DATABASES = new Set(["postgres", "template0", "template1"]);

function parseArgs(argv: string[]) {
  let name: string | undefined;
  let createOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--name" || a === "-n") name = argv[++i];
    else if (a.startsWith("--name=")) name = a.slice("--name=".length);
    else if (a === "--create-only") createOnly = true;
    else if (!a.startsWith("-") && !name) name = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!name) throw new Error("usage: npm run db:migrate -- --name <migration_name> [--create-only]");
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`migration name "${name}": use letters, digits, _ and -`);
  return { name, createOnly };
}

/** Drops and recreates the scratch PostgreSQL database. */
async function freshPostgresDatabase(url: string) {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1));
  if (!db || PROTECTED_DATABASES.has(db)) throw new Error(`refusing to use database "${db}" as the scratch database`);
  if (process.env.DATABASE_URL && process.env.DATABASE_URL === url) throw new Error("MIGRATE_DEV_POSTGRES_URL must not be DATABASE_URL: the scratch database is wiped");
  u.pathname = "/postgres";
  for (const k of ["schema", "connection_limit", "pool_timeout"]) u.searchParams.delete(k);
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const quoted = '"' + db.replace(/"/g, '""') + '"';
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

function isEmptyMigration(file: string): boolean {
  const sql = fs.readFileSync(file, "utf8");
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "").trim() === "";
}

async function createMigration(provider: Provider, url: string, dir: string, name: string): Promise<string | undefined> {
  const before = new Set(migrationNames(dir));
  const r = await runPrisma(["migrate", "dev", "--create-only", "--name", name], { provider, databaseUrl: url, inherit: true });
  console.log(`  (${provider}: prisma migrate dev --create-only took ${r.seconds.toFixed(1)} s)`);
  if (r.code !== 0) throw new Error(`prisma migrate dev failed for ${provider} (exit code ${r.code})`);
  const created = migrationNames(dir).filter((n) => !before.has(n));
  if (created.length > 1) throw new Error(`expected one new ${provider} migration, found ${created.join(", ")}`);
  return created[0];
}

async function main() {
  const { name, createOnly } = parseArgs(process.argv.slice(2));
  const root = repoRoot;
  const t0 = performance.now();

  console.log(`▸ sync prisma/postgres/schema.prisma: ${syncSchemas() ? "updated" : "up to date"}`);

  const sqliteScratch = path.join(root, "data/migrate-dev.db");
  const pgUrl = process.env.MIGRATE_DEV_POSTGRES_URL ?? DEFAULT_PG_SCRATCH;
  // PostgreSQL first: if the server is down, fail before anything is written.
  console.log(`▸ recreate the PostgreSQL scratch database ${redactUrl(pgUrl)}`);
  await timed("recreate scratch database", () => freshPostgresDatabase(pgUrl));

  fs.mkdirSync(path.dirname(sqliteScratch), { recursive: true });
  for (const s of ["", "-wal", "-shm", "-journal"]) fs.rmSync(sqliteScratch + s, { force: true });

  // Folders created by this run, removed again if a later step fails, so the two
  // migration folders never end up with different migrations.
  const created: string[] = [];
  try {
    console.log(`▸ SQLite migration (scratch ${path.relative(root, sqliteScratch)})`);
    const sqliteName = await createMigration("sqlite", `file:${sqliteScratch}`, sqliteMigrationsDir, name);
    if (sqliteName) created.push(path.join(sqliteMigrationsDir, sqliteName));

    console.log(`▸ PostgreSQL migration (scratch ${redactUrl(pgUrl)})`);
    let pgName = await createMigration("postgresql", pgUrl, postgresMigrationsDir, name);
    if (pgName) created.push(path.join(postgresMigrationsDir, pgName));

    if (!sqliteName && !pgName) {
      console.log("No schema changes: no migration created.");
    } else {
      if (!sqliteName || !pgName) {
        throw new Error(`only one provider produced a migration (sqlite: ${sqliteName ?? "none"}, postgresql: ${pgName ?? "none"}); check the output above`);
      }
      if (pgName !== sqliteName) {
        fs.renameSync(path.join(postgresMigrationsDir, pgName), path.join(postgresMigrationsDir, sqliteName));
        created[1] = path.join(postgresMigrationsDir, sqliteName);
        pgName = sqliteName;
      }
      const sqliteSql = path.join(sqliteMigrationsDir, sqliteName, "migration.sql");
      const pgSql = path.join(postgresMigrationsDir, pgName, "migration.sql");
      if (!createOnly && isEmptyMigration(sqliteSql) && isEmptyMigration(pgSql)) {
        for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
        console.log("No schema changes: no migration created.");
      } else if (createOnly) {
        console.log(`Created (not applied), edit if needed, then \`npm run db:deploy\`:\n  ${path.relative(root, sqliteSql)}\n  ${path.relative(root, pgSql)}`);
      } else {
        for (const [provider, url] of [["sqlite", `file:${sqliteScratch}`], ["postgresql", pgUrl]] as const) {
          const r = await runPrisma(["migrate", "deploy"], { provider, databaseUrl: url });
          if (r.code !== 0) throw new Error(`the new ${provider} migration does not apply:\n${r.output}`);
          console.log(`  (${provider}: new migration applied to the scratch database in ${r.seconds.toFixed(1)} s)`);
        }
        console.log(`Created and checked:\n  ${path.relative(root, sqliteSql)}\n  ${path.relative(root, pgSql)}`);
      }
    }
  } catch (e) {
    for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
    if (created.length) console.error(`removed the migration folders this run created: ${created.map((d) => path.relative(root, d)).join(", ")}`);
    throw e;
  }

  await generateClients();
  console.log(`db:migrate done in ${((performance.now() - t0) / 1000).toFixed(1)} s. Apply to your database with \`npm run db:deploy\`.`);
}

main().catch((e) => {
  console.error(`db:migrate failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
