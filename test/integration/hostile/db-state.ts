import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";

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

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x instanceof Date ? x.toISOString() : x));

export async function dbFingerprint(): Promise<string> {
  const hash = crypto.createHash("sha256");
  for (const model of MODELS) {
    if (EXCLUDED.has(model)) continue;
    const sql = SUMMED[model] ?? `SELECT * FROM "${model}"`;
    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(sql);
    const lines = rows.map((r) => json(Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => a.localeCompare(b))))).sort();
    hash.update(`${model}:${lines.length}\n${lines.join("\n")}\n`);
  }
  return hash.digest("hex");
}
