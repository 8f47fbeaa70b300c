// Prisma CLI config for the SQLite (default) provider. The PostgreSQL twin is
// prisma/postgres/prisma.config.ts. See docs/database.md.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// The Prisma CLI runs migrations through a native schema-engine binary that it downloads on
// first use, which fails offline / in air-gapped networks. This Node script speaks the same
// protocol and runs the WASM engine over a driver adapter (prisma/engine/).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: { path: path.join(root, "prisma/migrations") },
  // Relative file: paths are relative to the repo root (the folder of this file).
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/portal.db" },
});
