import "server-only";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// Bulk statements on PostgreSQL off the event loop that serves requests. A push of 10,000 samples
// is a few statements with arrays of thousands of numbers; through Prisma on the serving thread,
// its runtime, pg's serialisation of the arrays and the socket writes held the loop for tens of
// milliseconds at a time, and a GET during flat-out ingest waited for them (p99 7–9× idle).
// Here a worker thread with its own pg pool runs them: the main thread only posts the SQL
// and its parameters and gets the rows back. The worker's pool has CONNECTIONS connections: more
// concurrent bulk statements queue in the worker.
// Its connections are named "portal-bulk-worker" (pg_stat_activity.application_name).
// If the worker cannot start or dies, the statements run through the caller's fallback (Prisma,
// in-process) again, with a log line, until a new worker is tried a minute later; a statement in
// flight when it died is run there too, so only statements that may run twice belong here
// (upserts, reads; a second lateSeq bump only costs a rebuild).

// Connections of the worker: two pushes' statements run side by side (two pushes at a time kept
// PostgreSQL busy on both cores; with one connection they queued and ingest halved).
const CONNECTIONS = 2;

type Result = { rows: unknown[]; rowCount: number };
type Reply = { id: number; rows?: unknown[]; rowCount?: number; error?: string };
type Pending = { resolve: (r: Result | typeof LOST) => void; reject: (e: Error) => void };
const LOST = Symbol("the worker died");

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const pg = require(workerData.module);
const pool = new pg.Pool({ connectionString: workerData.url, options: workerData.options, max: workerData.connections, application_name: "portal-bulk-worker" });
// a database that cannot be reached ends the worker (its statements go to the fallback)
const die = (e) => setImmediate(() => { throw e; });
const ready = pool.query("SELECT 1");
ready.catch(die);
// an idle connection that drops is only replaced by the pool
pool.on("error", () => undefined);
parentPort.on("message", async ({ id, sql, params }) => {
  try {
    await ready;
  } catch {
    return;
  }
  try {
    const r = await pool.query(sql, params);
    parentPort.postMessage({ id, rows: r.rows, rowCount: r.rowCount ?? 0 });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

class PgWorker {
  private worker: Worker;
  private next = 0;
  private pending = new Map<number, Pending>();
  dead = false;

  constructor(url: string, options: string, module: string, private onFail: (why: string) => void) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { url, options, module, connections: CONNECTIONS } });
    this.worker.unref();
    this.worker.on("message", (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.settled(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve({ rows: m.rows ?? [], rowCount: m.rowCount ?? 0 });
    });
    this.worker.on("error", (e) => this.fail(e.message));
    this.worker.on("exit", (code) => this.fail(`the worker exited (code ${code})`));
  }

  /** The statement's result, or LOST if the worker died before answering. */
  query(sql: string, params: unknown[]): Promise<Result | typeof LOST> {
    return new Promise((resolve, reject) => {
      const id = ++this.next;
      this.pending.set(id, { resolve, reject });
      // a statement in flight keeps the process alive, as a socket would
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ id, sql, params });
    });
  }

  /** Ends the worker; statements still in flight go to the fallback. */
  stop(): Promise<number> {
    this.dead = true;
    this.handBack();
    return this.worker.terminate();
  }

  private settled(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  private fail(why: string): void {
    if (this.dead) return;
    this.dead = true;
    void this.worker.terminate();
    this.onFail(why);
    this.handBack();
  }

  private handBack(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.resolve(LOST);
  }
}

// A worker that died is replaced at the first statement after RESTART_MS (a database that was
// down at start-up, a crash), so a process does not stay on the main thread for good.
const RESTART_MS = 60_000;

const g = globalThis as unknown as { portalPgWorker?: { url: string; worker: PgWorker | null; restartAt: number } };

/**
 * Where the worker loads pg from. Inside the Next.js server bundle, webpack's
 * `createRequire(import.meta.url).resolve` answers a module id (a number), not a path; then the
 * worker requires the package by name, resolved from the working directory (lib/db/wal-checkpointer.ts).
 */
function pgPath(): string {
  const resolved: unknown = createRequire(import.meta.url).resolve("pg");
  return typeof resolved === "string" ? resolved : "pg";
}

/**
 * Runs `sql` with positional parameters ($1…) in the bulk worker for this database URL (started on
 * first use), or through `fallback` when there is no worker (it could not start, or died: logged;
 * a new one is tried after RESTART_MS) or it died before answering. Rows come back as pg gives them (bigint columns as strings).
 * A database error is thrown as it is, not retried.
 */
export async function bulkQuery(
  url: string, options: string, sql: string, params: unknown[], fallback: () => Promise<Result>, module = pgPath(),
): Promise<Result & { inWorker: boolean }> {
  let slot = g.portalPgWorker;
  if (slot?.url !== url || (slot.worker === null && Date.now() >= slot.restartAt)) {
    if (slot?.worker) void slot.worker.stop();
    let worker: PgWorker | null = null;
    const restartAt = () => Date.now() + RESTART_MS;
    try {
      worker = new PgWorker(url, options, module, (why) => {
        if (g.portalPgWorker?.worker === worker) g.portalPgWorker = { url, worker: null, restartAt: restartAt() };
        console.error(`[db] bulk PostgreSQL statements are back on the main thread (a new worker is tried in ${RESTART_MS / 1000} s): ${why}`);
      });
    } catch (e) {
      console.error(`[db] bulk PostgreSQL statements stay on the main thread (a new worker is tried in ${RESTART_MS / 1000} s): ${(e as Error).message}`);
    }
    slot = g.portalPgWorker = { url, worker, restartAt: restartAt() };
  }
  const worker = slot.worker;
  const r = worker && !worker.dead ? await worker.query(sql, params) : LOST;
  if (r !== LOST) return { ...r, inWorker: true };
  return { ...(await fallback()), inWorker: false };
}

/** Stops the bulk worker (tests; a later bulkQuery starts a new one). */
export async function stopBulkWorker(): Promise<void> {
  const w = g.portalPgWorker?.worker;
  g.portalPgWorker = undefined;
  if (w) await w.stop();
}
