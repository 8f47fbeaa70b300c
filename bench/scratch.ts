// A scratch SQLite database for a benchmark: bench/out/<name>/<name>.db (the folder is emptied
// first; the bench writes its other output there too), with DATABASE_URL pointing at it (before
// anything reads lib/env) and every migration applied.
import fs from "node:fs";
import path from "node:path";

export async function scratchDatabase(name: string): Promise<{ url: string; dir: string }> {
  const dir = path.resolve("bench/out", name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const url = `file:${path.join(dir, `${name}.db`)}`;
  process.env.DATABASE_URL = url;
  const { migrateDeploy } = await import("@/lib/db/migrate");
  await migrateDeploy(url);
  return { url, dir };
}
