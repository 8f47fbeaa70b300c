// npm run db:generate — sync prisma/postgres/schema.prisma, then generate both clients.
import { syncSchemas } from "./schemas.ts";
import { generateClients } from "./steps.ts";

console.log(`▸ sync prisma/postgres/schema.prisma: ${syncSchemas() ? "updated" : "up to date"}`);
generateClients().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
