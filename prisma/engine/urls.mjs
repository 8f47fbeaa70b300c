// URL helpers shared by the schema-engine shim (plain ESM, no TypeScript: it runs as the
// `schema-engine` executable under bare `node`).
import path from "node:path";

/** @returns {"sqlite" | "postgresql"} */
export function providerOfUrl(url) {
  if (typeof url !== "string" || url === "") throw new Error("No datasource URL was given to the schema engine.");
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  throw new Error(`Unsupported datasource URL scheme in "${redact(url)}": expected file: (SQLite) or postgres(ql):// (PostgreSQL).`);
}

/**
 * Absolute path of a SQLite `file:` URL. Relative paths are resolved against `baseDir`
 * (the schema engine's working directory: the Prisma CLI spawns it in the project root,
 * the folder of the prisma.config.ts it loaded). `:memory:` stays as it is.
 */
export function sqlitePathOf(url, baseDir = process.cwd()) {
  let p = url.replace(/^file:/, "");
  const q = p.indexOf("?");
  if (q >= 0) p = p.slice(0, q);
  if (p.startsWith("//")) p = p.slice(2); // file://abs/path
  if (p === ":memory:" || p === "") return ":memory:";
  return path.resolve(baseDir, decodeURIComponent(p));
}

/** Parsed PostgreSQL URL: the pg config without Prisma-only params, plus the `schema` param. */
export function pgConfigOf(url) {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  // Prisma-only parameters that pg does not understand.
  for (const k of ["schema", "connection_limit", "pool_timeout", "connect_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"]) {
    u.searchParams.delete(k);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres";
  return { connectionString: u.toString(), database, schema, host: u.hostname || "localhost", port: u.port || "5432" };
}

/** The same URL pointing at another database on the same server. */
export function pgUrlWithDatabase(url, database) {
  const u = new URL(url);
  u.pathname = "/" + encodeURIComponent(database);
  return u.toString();
}

export function redact(url) {
  return String(url).replace(/\/\/([^@/]*)@/, (_m, auth) => (auth.includes(":") ? "//" + auth.split(":")[0] + ":***@" : `//${auth}@`));
}

export function quoteIdent(name) {
  return '"' + String(name).replace(/"/g, '""') + '"';
}
