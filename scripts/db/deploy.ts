// npm run db:deploy — apply pending migrations to DATABASE_URL (default file:./data/portal.db,
// relative to the repo root). The provider (and so the migrations folder) follows the URL scheme.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, providerOf, redactUrl, runPrisma, sqliteFilePath } from "../../lib/db/migrate.ts";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = providerOf(url);
if (provider === "sqlite") {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
}
console.log(`▸ migrate deploy → ${provider} ${redactUrl(url)}`);
const r = await runPrisma(["migrate", "deploy"], { provider, databaseUrl: url, inherit: true });
console.log(`  (${r.seconds.toFixed(1)} s)`);
process.exit(r.code);
