// The compact_traffic migration on a database that holds traffic in the old layout (appRef,
// epoch-ms rows): every old sample ends up at exactly one level, by age, with its value intact.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { integrationDatabaseUrl } from "./database-url";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIN = 60_000;
const DAY = 86_400_000;

function migrations(provider: "sqlite" | "postgresql") {
  const dir = path.join(ROOT, provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
  const names = fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort();
  const at = names.findIndex((n) => n.endsWith("_compact_traffic"));
  const sql = (n: string) => fs.readFileSync(path.join(dir, n, "migration.sql"), "utf8");
  return { before: names.slice(0, at).map(sql), upgrade: sql(names[at] as string) };
}

// 20 days of minute samples for two apps, plus samples of an id that is no app (dropped)
const now = Date.now();
const old = (appRef: string) => Array.from({ length: 20 * 1440 }, (_, i) => ({ appRef, ts: now - i * MIN, value: (i % 60) + 0.5 }));
const samples = [...old("app-a"), ...old("app-b"), { appRef: "gone", ts: now, value: 1 }];
const expected = { count: 2 * 20 * 1440, sum: 2 * old("x").reduce((a, s) => a + s.value, 0) };

type Level = { n: number; sum: number; oldest: number; newest: number };
const hourCut = Math.floor(now / 3_600_000) * 3_600_000;

function check(raw: Level, five: Level, hour: Level, series: number) {
  expect(series).toBe(2);
  expect(raw.n + five.n + hour.n).toBe(expected.count);
  expect(raw.sum + five.sum + hour.sum).toBeCloseTo(expected.sum, 3);
  expect(raw.oldest * 1000).toBeGreaterThanOrEqual(hourCut - 3 * DAY);
  expect(five.oldest * 1000).toBeGreaterThanOrEqual(hourCut - 15 * DAY);
  expect(five.newest * 1000).toBeLessThan(hourCut - 3 * DAY);
  expect(hour.newest * 1000).toBeLessThan(hourCut - 15 * DAY);
}

const LEVELS = `SELECT COUNT(*) AS n, SUM("value") AS sum, MIN("ts") AS oldest, MAX("ts") AS newest FROM "TrafficSample";
SELECT SUM("count") AS n, SUM("sum") AS sum, MIN("bucket") AS oldest, MAX("bucket") AS newest FROM "TrafficRollup5m";
SELECT SUM("count") AS n, SUM("sum") AS sum, MIN("bucket") AS oldest, MAX("bucket") AS newest FROM "TrafficRollup1h"`.split(";\n");

describe("upgrade: existing raw traffic is rolled up by the migration", () => {
  it.runIf(integrationDatabaseUrl().startsWith("file:"))("SQLite", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "traffic-upgrade-"));
    const conn = new Database(path.join(dir, "old.db"));
    try {
      const m = migrations("sqlite");
      for (const sql of m.before) conn.exec(sql);
      conn.exec(`INSERT INTO "Team" ("id", "slug", "name") VALUES ('t', 't', 't');
        INSERT INTO "App" ("id", "appId", "name", "teamId", "updatedAt") VALUES ('app-a', 'a', 'a', 't', 0), ('app-b', 'b', 'b', 't', 0)`);
      const insert = conn.prepare(`INSERT INTO "TrafficSample" ("appRef", "ts", "value") VALUES (?, ?, ?)`);
      conn.transaction(() => samples.forEach((s) => insert.run(s.appRef, BigInt(s.ts), s.value)))();
      conn.exec(m.upgrade);
      const [raw, five, hour] = LEVELS.map((q) => conn.prepare(q).get() as Level);
      check(raw as Level, five as Level, hour as Level, Number(conn.prepare(`SELECT COUNT(*) AS n FROM "TrafficSeries"`).pluck().get()));
      const table = conn.prepare(`SELECT "sql" FROM sqlite_master WHERE "name" = 'TrafficSample'`).pluck().get() as string;
      expect(table).toMatch(/WITHOUT ROWID/);
    } finally {
      conn.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(!integrationDatabaseUrl().startsWith("file:"))("PostgreSQL", async () => {
    const url = new URL(integrationDatabaseUrl());
    const name = `${url.pathname.slice(1)}_upgrade`;
    const admin = new URL(url);
    admin.pathname = "/postgres";
    const a = new pg.Client({ connectionString: admin.toString() });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.query(`CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    try {
      const m = migrations("postgresql");
      for (const sql of m.before) await c.query(sql);
      await c.query(`INSERT INTO "Team" ("id", "slug", "name") VALUES ('t', 't', 't');
        INSERT INTO "App" ("id", "appId", "name", "teamId", "updatedAt") VALUES ('app-a', 'a', 'a', 't', now()), ('app-b', 'b', 'b', 't', now())`);
      for (let i = 0; i < samples.length; i += 5_000) {
        const chunk = samples.slice(i, i + 5_000);
        await c.query(`INSERT INTO "TrafficSample" ("appRef", "ts", "value") SELECT * FROM unnest($1::text[], $2::bigint[], $3::float8[])`, [
          chunk.map((s) => s.appRef), chunk.map((s) => s.ts), chunk.map((s) => s.value),
        ]);
      }
      await c.query(m.upgrade);
      const levels: Level[] = [];
      for (const q of LEVELS) {
        const r = (await c.query(q)).rows[0];
        levels.push({ n: Number(r.n), sum: Number(r.sum), oldest: Number(r.oldest), newest: Number(r.newest) });
      }
      const series = Number((await c.query(`SELECT COUNT(*) AS n FROM "TrafficSeries"`)).rows[0].n);
      check(levels[0] as Level, levels[1] as Level, levels[2] as Level, series);
    } finally {
      await c.end();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    }
  });
});
