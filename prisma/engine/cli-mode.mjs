// `schema-engine --datasource JSON cli <command>`: one-shot commands the CLI runs before
// starting the engine (does the database exist? create it).
// Errors are JSON log lines on stderr; the CLI skips the FIRST stderr line before parsing,
// so a harmless log line is always written first.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { writeLog } from "./log.mjs";
import { pgAdminQuery, removeSqliteFiles } from "./adapters.mjs";
import { pgConfigOf, pgUrlWithDatabase, providerOfUrl, quoteIdent, sqlitePathOf } from "./urls.mjs";

export class EngineUserError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

function pgError(e, cfg) {
  const where = `${cfg.host}:${cfg.port}`;
  if (e?.code === "3D000") return new EngineUserError("P1003", `Database \`${cfg.database}\` does not exist on the database server at \`${where}\`.`);
  if (e?.code === "28P01" || e?.code === "28000")
    return new EngineUserError("P1000", `Authentication failed against database server at \`${cfg.host}\`, the provided database credentials are not valid.`);
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT"].includes(e?.code))
    return new EngineUserError("P1001", `Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`);
  return e;
}

async function pgCanConnect(url) {
  const cfg = pgConfigOf(url);
  const client = new pg.Client({ connectionString: cfg.connectionString });
  try {
    await client.connect();
  } catch (e) {
    throw pgError(e, cfg);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates the database named in a PostgreSQL URL (connecting to the `postgres` database). */
export async function pgCreateDatabase(url) {
  const cfg = pgConfigOf(url);
  try {
    await pgAdminQuery(pgUrlWithDatabase(cfg.connectionString, "postgres"), `CREATE DATABASE ${quoteIdent(cfg.database)}`);
  } catch (e) {
    if (e?.code === "42P04") return cfg.database; // already exists
    if (e?.code === "3D000") {
      await pgAdminQuery(pgUrlWithDatabase(cfg.connectionString, "template1"), `CREATE DATABASE ${quoteIdent(cfg.database)}`);
      return cfg.database;
    }
    throw pgError(e, cfg);
  }
  return cfg.database;
}

export async function createDatabase(url) {
  if (providerOfUrl(url) === "sqlite") {
    const file = sqlitePathOf(url);
    if (file !== ":memory:") {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.closeSync(fs.openSync(file, "a"));
    }
    return path.basename(file);
  }
  return pgCreateDatabase(url);
}

export async function canConnect(url) {
  if (providerOfUrl(url) === "sqlite") {
    const file = sqlitePathOf(url);
    if (file !== ":memory:" && !fs.existsSync(file)) {
      throw new EngineUserError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`);
    }
    return;
  }
  await pgCanConnect(url);
}

async function dropDatabase(url) {
  if (providerOfUrl(url) === "sqlite") {
    removeSqliteFiles(sqlitePathOf(url));
    return;
  }
  const cfg = pgConfigOf(url);
  await pgAdminQuery(pgUrlWithDatabase(cfg.connectionString, "postgres"), `DROP DATABASE IF EXISTS ${quoteIdent(cfg.database)} WITH (FORCE)`);
}

export async function runCli(command, datasource) {
  writeLog("INFO", `schema-engine shim: cli ${command}`);
  try {
    const url = datasource?.url;
    if (command === "can-connect-to-database") await canConnect(url);
    else if (command === "create-database") {
      const name = await createDatabase(url);
      writeLog("INFO", `Database '${name}' was successfully created.`);
    } else if (command === "drop-database") await dropDatabase(url);
    else throw new EngineUserError(undefined, `Unknown cli command: ${command}`);
    return 0;
  } catch (e) {
    const extra = e instanceof EngineUserError && e.code ? { error_code: e.code } : {};
    writeLog("ERROR", String(e?.message ?? e), extra, "schema_engine::logger");
    return 1;
  }
}
