import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/migrate";
import { integrationDatabaseUrl } from "./database-url";

async function recreatePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export default async function setup(): Promise<void> {
  const url = integrationDatabaseUrl();
  if (url.startsWith("file:")) {
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  } else {
    await recreatePostgres(url);
  }
  await migrateDeploy(url);
}
