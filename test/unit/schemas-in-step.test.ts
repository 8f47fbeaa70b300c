// One data model, two providers: prisma/postgres/schema.prisma must be exactly what
// scripts/db/sync-schemas.ts renders from prisma/schema.prisma, and both migration folders
// must hold the same migrations. Fix a failure with `npm run db:generate` (schema) or
// `npm run db:migrate -- --name <name>` (migrations) — see docs/database.md.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  expectedPostgresSchema,
  migrationNames,
  postgresMigrationsDir,
  postgresSchemaPath,
  renderPostgresSchema,
  sqliteMigrationsDir,
} from "../../scripts/db/schemas.ts";

describe("SQLite and PostgreSQL schemas stay in step", () => {
  it("prisma/postgres/schema.prisma is generated from prisma/schema.prisma (run `npm run db:generate`)", () => {
    expect(fs.readFileSync(postgresSchemaPath, "utf8")).toBe(expectedPostgresSchema());
  });

  it("both migration folders have the same migration names (create migrations with `npm run db:migrate`)", () => {
    const sqlite = migrationNames(sqliteMigrationsDir);
    const postgres = migrationNames(postgresMigrationsDir);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres).toEqual(sqlite);
    for (const name of sqlite) {
      expect(fs.existsSync(`${sqliteMigrationsDir}/${name}/migration.sql`), `${name} (sqlite)`).toBe(true);
      expect(fs.existsSync(`${postgresMigrationsDir}/${name}/migration.sql`), `${name} (postgres)`).toBe(true);
    }
  });

  it("renders provider and generator output, keeps models verbatim", () => {
    const src = [
      "// source header",
      "",
      'generator client {\n  provider = "prisma-client"\n  output   = "../lib/db/generated/sqlite"\n}',
      'datasource db {\n  provider = "sqlite"\n}',
      "// a model comment\nmodel A {\n  id String @id\n}\n",
    ].join("\n");
    const out = renderPostgresSchema(src);
    expect(out.startsWith("// generated — edit prisma/schema.prisma")).toBe(true);
    expect(out).not.toContain("source header");
    expect(out).toContain('output   = "../../lib/db/generated/postgres"');
    expect(out).toContain('provider = "postgresql"');
    expect(out).toContain("// a model comment\nmodel A {\n  id String @id\n}\n");
    expect(() => renderPostgresSchema(src.replace('"sqlite"\n}', '"mysql"\n}'))).toThrow();
  });
});
