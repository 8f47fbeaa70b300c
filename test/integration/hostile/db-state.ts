import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db, sqliteConnection } from "@/lib/db/client";

// A fingerprint of the whole database, to show that a refused request changed nothing.
// Every model in prisma/schema.prisma is included (a colleague's new table too), row by row,
// except:
//  - LoginThrottle: counting failed sign-ins is the point of a 401 there;
//  - columns that only record that someone was seen (ApiToken.lastUsedAt, Session.lastSeenAt);
//  - big append-only tables are summed instead of hashed row by row.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const MODELS = [...fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
const EXCLUDED = new Set(["LoginThrottle"]);
const VOLATILE = new Set(["lastUsedAt", "lastSeenAt"]);
const SUMMED: Record<string, string> = {
  TrafficSample: `SELECT COUNT(*) AS n, SUM("value") AS s, MAX("ts") AS t FROM "TrafficSample"`,
  TrafficRollup5m: `SELECT COUNT(*) AS n, SUM("sum") AS s, SUM("count") AS c, MAX("bucket") AS t FROM "TrafficRollup5m"`,
  TrafficRollup1h: `SELECT COUNT(*) AS n, SUM("sum") AS s, SUM("count") AS c, MAX("bucket") AS t FROM "TrafficRollup1h"`,
};

// Blobs (detector state is megabytes of them) become one base64 string each before stringifying:
// a Buffer's toJSON would spell out every byte as a number. Dates stringify as ISO through toJSON.
const plain = (x: unknown) => (x instanceof Uint8Array ? Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString("base64") : x);
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

// Rows of one table as sorted JSON lines, volatile columns left out. On SQLite the rows are read
// on the raw better-sqlite3 connection as arrays: the same values as through Prisma, but a whole
// fingerprint of a grown integration database takes a fraction of the time.
async function tableLines(sql: string): Promise<string[]> {
  const conn = await sqliteConnection();
  if (conn) {
    const stmt = conn.prepare(sql).raw(true);
    const names = stmt.columns().map((c) => c.name);
    const keep = names.map((n, i) => [n, i] as const).filter(([n]) => !VOLATILE.has(n)).sort(([a], [b]) => a.localeCompare(b));
    return (stmt.all() as unknown[][]).map((r) => json(keep.map(([n, i]) => [n, plain(r[i])]))).sort();
  }
  const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(sql);
  return rows.map((r) => json(Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, plain(x)])))).sort();
}

export async function dbFingerprint(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const model of MODELS) {
    if (EXCLUDED.has(model)) continue;
    const lines = await tableLines(SUMMED[model] ?? `SELECT * FROM "${model}"`);
    hash.update(`${model}:${lines.length}\n${lines.join("\n")}\n`);
  }
  return hash.digest("hex");
}
