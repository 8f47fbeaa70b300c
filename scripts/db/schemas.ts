// One data model, two providers: prisma/schema.prisma (SQLite) is the source of truth and
// prisma/postgres/schema.prisma is generated from it. Pure functions + paths; the CLI
// entry point is scripts/db/sync-schemas.ts and test/unit/schemas-in-step.test.ts checks it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const sqliteSchemaPath = path.join(repoRoot, "prisma/schema.prisma");
export const postgresSchemaPath = path.join(repoRoot, "prisma/postgres/schema.prisma");
export const sqliteMigrationsDir = path.join(repoRoot, "prisma/migrations");
export const postgresMigrationsDir = path.join(repoRoot, "prisma/postgres/migrations");
export const sqliteConfigPath = path.join(repoRoot, "prisma.config.ts");
export const postgresConfigPath = path.join(repoRoot, "prisma/postgres/prisma.config.ts");

export const GENERATED_HEADER = [
  "// generated — edit prisma/schema.prisma (the source of truth), not this file.",
  "// Written by scripts/db/sync-schemas.ts (`npm run db:generate` / `npm run db:migrate`);",
  "// only the datasource provider and the generator output differ.",
].join("\n");

function blockSpan(schema: string, keyword: "datasource" | "generator"): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const re = new RegExp(`^${keyword}\\s+\\w+\\s*\\{`, "gm");
  for (let m = re.exec(schema); m; m = re.exec(schema)) {
    const end = schema.indexOf("}", m.index);
    if (end < 0) throw new Error(`unterminated ${keyword} block`);
    spans.push({ start: m.index, end: end + 1 });
  }
  return spans;
}

function mapBlocks(schema: string, keyword: "datasource" | "generator", fn: (block: string) => string): string {
  let out = "";
  let last = 0;
  for (const { start, end } of blockSpan(schema, keyword)) {
    out += schema.slice(last, start) + fn(schema.slice(start, end));
    last = end;
  }
  return out + schema.slice(last);
}

/**
 * The PostgreSQL schema for a given SQLite schema text:
 * - the leading comment block is replaced by GENERATED_HEADER;
 * - datasource `provider = "sqlite"` becomes `"postgresql"`;
 * - generator outputs (relative to prisma/) are re-based on prisma/postgres/, with a final
 *   `sqlite` path segment renamed `postgres` (../lib/db/generated/sqlite ->
 *   ../../lib/db/generated/postgres).
 * Models, enums and comments inside the file are copied unchanged.
 */
export function renderPostgresSchema(sqliteSchema: string): string {
  if (blockSpan(sqliteSchema, "datasource").length !== 1) throw new Error("prisma/schema.prisma must have exactly one datasource block");
  let body = sqliteSchema.replace(/^\uFEFF?(?:[ \t]*\/\/[^\n]*\n|[ \t]*\n)*/, "");
  body = mapBlocks(body, "datasource", (block) => {
    if (!/provider\s*=\s*"sqlite"/.test(block)) throw new Error('prisma/schema.prisma: the datasource provider must be "sqlite"');
    return block.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
  });
  body = mapBlocks(body, "generator", (block) =>
    block.replace(/(output\s*=\s*)"([^"]+)"/, (_m, lhs: string, out: string) => {
      const abs = path.posix.join("prisma", out); // relative to the repo root
      const renamed = abs.replace(/(^|\/)sqlite$/, "$1postgres");
      if (renamed === abs) throw new Error(`generator output "${out}" must end in /sqlite`);
      return `${lhs}"${path.posix.relative("prisma/postgres", renamed)}"`;
    }),
  );
  return `${GENERATED_HEADER}\n\n${body}`;
}

export function expectedPostgresSchema(): string {
  return renderPostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
}

/** Writes prisma/postgres/schema.prisma; returns true if it changed. */
export function syncSchemas(): boolean {
  const next = expectedPostgresSchema();
  const current = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, "utf8") : null;
  if (current === next) return false;
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, next);
  return true;
}

/** Migration folder names (sorted) in a migrations directory. */
export function migrationNames(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
