import { afterEach, describe, expect, it, vi } from "vitest";
import { PG_OPTIONS } from "@/lib/db/client";
import { bulkQuery, stopBulkWorker } from "@/lib/db/pg-worker";
import { env } from "@/lib/env";

// The worker thread that runs ingest's bulk statements on PostgreSQL (lib/db/pg-worker.ts), and
// its fallback to Prisma on the main thread when it cannot start or dies.
const onPostgres = (process.env.INTEGRATION_DB ?? "sqlite") === "postgres";

describe.skipIf(!onPostgres)("bulk PostgreSQL statements in a worker thread", () => {
  afterEach(async () => {
    await stopBulkWorker();
    vi.restoreAllMocks();
  });

  const fallback = (value: string) => async () => ({ rows: [{ x: value }], rowCount: 1 });

  it("runs a statement in the worker, with its parameters, and throws a database error as it is", async () => {
    const r = await bulkQuery(env().DATABASE_URL, PG_OPTIONS, `SELECT sum(v)::int AS x, current_setting('jit') AS jit, current_setting('application_name') AS app FROM unnest($1::int[]) AS v`, [[1, 2, 3]], fallback("main thread"));
    expect(r).toMatchObject({ inWorker: true, rows: [{ x: 6, jit: "off", app: "portal-bulk-worker" }], rowCount: 1 });
    await expect(bulkQuery(env().DATABASE_URL, PG_OPTIONS, `SELECT * FROM "NoSuchTable"`, [], fallback("main thread"))).rejects.toThrow(/NoSuchTable/);
  });

  it("falls back to the main thread, with a log line, when the worker cannot load pg", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const r = await bulkQuery(env().DATABASE_URL, PG_OPTIONS, "SELECT 1 AS x", [], fallback("main thread"), "no-such-pg-module");
    expect(r).toMatchObject({ inWorker: false, rows: [{ x: "main thread" }] });
    expect(logged.mock.calls.flat().join("\n")).toMatch(/bulk PostgreSQL statements are back on the main thread/);
    // and stays there for a while: no new worker for the same database at once
    const again = await bulkQuery(env().DATABASE_URL, PG_OPTIONS, "SELECT 1 AS x", [], fallback("main thread again"));
    expect(again).toMatchObject({ inWorker: false, rows: [{ x: "main thread again" }] });
    // a minute later a new worker is tried (this one loads pg)
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 61_000);
    const later = await bulkQuery(env().DATABASE_URL, PG_OPTIONS, "SELECT 1 AS x", [], fallback("main thread"));
    vi.useRealTimers();
    expect(later).toMatchObject({ inWorker: true, rows: [{ x: 1 }] });
  });

  it("runs a statement in flight on the main thread when the worker goes away before answering", async () => {
    const slow = bulkQuery(env().DATABASE_URL, PG_OPTIONS, "SELECT pg_sleep(2), 'worker' AS x", [], fallback("main thread"));
    await new Promise((r) => setTimeout(r, 300));
    await stopBulkWorker();
    expect(await slow).toMatchObject({ inWorker: false, rows: [{ x: "main thread" }] });
  });
});
