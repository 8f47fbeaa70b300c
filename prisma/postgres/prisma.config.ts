// Prisma CLI config for the PostgreSQL provider: `prisma … --config prisma/postgres/prisma.config.ts`.
// schema.prisma here is generated from prisma/schema.prisma (scripts/db/sync-schemas.ts).
// See docs/database.md.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const here = path.dirname(fileURLToPath(import.meta.url));

// Same schema-engine replacement as the root config (the native engine cannot be downloaded
// offline / in air-gapped networks).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(here, "../engine/schema-engine.mjs");

const envUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join(here, "schema.prisma"),
  migrations: { path: path.join(here, "migrations") },
  // DATABASE_URL when it is a PostgreSQL URL, else the local development server.
  datasource: {
    url: envUrl && /^postgres(ql)?:\/\//i.test(envUrl) ? envUrl : "postgresql://postgres@127.0.0.1:5432/portal",
  },
});
