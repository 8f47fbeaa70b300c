// npm run db:sync-schemas — regenerate prisma/postgres/schema.prisma from prisma/schema.prisma.
import path from "node:path";
import { postgresSchemaPath, repoRoot, syncSchemas } from "./schemas.ts";

const changed = syncSchemas();
console.log(`${path.relative(repoRoot, postgresSchemaPath)} ${changed ? "updated" : "already up to date"}`);
