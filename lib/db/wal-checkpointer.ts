import "server-only";
import type BetterSqlite3 from "better-sqlite3";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// WAL checkpoints off the event loop (SQLite). A checkpoint copies the pages written to the -wal
// file back into the database file and fsyncs both; with a big table (ingest into 10,000 apps'
// raw window rewrites ~17,000 pages per 50,000 samples) that took 300–700 ms per checkpoint, and
// SQLite's automatic checkpoint runs it inside the COMMIT that crosses 1,000 pages, i.e. on the
// thread that serves requests. Here the server's connection has wal_autocheckpoint = 0 and a
// worker thread with its own connection runs PRAGMA wal_checkpoint(PASSIVE) every POLL_MS: a
// passive checkpoint never blocks the writer or readers, and with nothing to copy it costs
// microseconds. Bulk writers call walRoom() before each slice: while the -wal file is above
// WAL_LIMIT_BYTES they wait (asynchronously) until a checkpoint has copied every frame, so the
// next write starts the log again from its beginning and the file stays bounded during a
// sustained ingest; journal_size_limit then truncates it back to JOURNAL_SIZE_LIMIT.

const POLL_MS = 100;
const RETRY_MS = 10;
export const WAL_LIMIT_BYTES = 256 * 1024 * 1024;
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

type Result = { busy: number; log: number; checkpointed: number };

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.pragma("synchronous = NORMAL");
parentPort.on("message", (id) => {
  try {
    const r = db.pragma("wal_checkpoint(PASSIVE)")[0];
    parentPort.postMessage({ id, result: r });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.message || e) });
  }
});
`;

class Checkpointer {
  private worker: Worker;
  private next = 0;
  private pending: Promise<Result> | null = null;
  private timer: NodeJS.Timeout;
  last: Result | null = null;

  private stopped = false;
  private rejectPending: ((error: Error) => void) | null = null;

  constructor(private conn: BetterSqlite3.Database, module: string, private onFail: (why: string) => void) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { file: conn.name, module } });
    this.worker.unref();
    // a worker that dies (its module did not load, its connection failed, it crashed) hands the
    // checkpoints back to SQLite on this connection: the -wal file must never grow unchecked
    this.worker.on("error", (e) => this.fail(e.message));
    this.worker.on("exit", (code) => this.fail(`the worker exited (code ${code})`));
    this.timer = setInterval(() => {
      if (!this.conn.open) return this.stop();
      if (!this.pending) this.run().catch(() => undefined);
    }, POLL_MS);
    this.timer.unref();
  }

  /** One passive checkpoint in the worker (joins the one in flight, if any). */
  run(): Promise<Result> {
    if (this.pending) return this.pending;
    const id = ++this.next;
    this.pending = new Promise<Result>((resolve, reject) => {
      this.rejectPending = (error) => {
        this.worker.off("message", onMessage);
        this.pending = null;
        reject(error);
      };
      const onMessage = (m: { id: number; result?: Result; error?: string }) => {
        if (m.id !== id) return;
        this.worker.off("message", onMessage);
        this.pending = null;
        if (m.result) {
          this.last = m.result;
          resolve(m.result);
        } else reject(new Error(`WAL checkpoint failed: ${m.error}`));
      };
      this.worker.on("message", onMessage);
      this.worker.postMessage(id);
    });
    return this.pending;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    void this.worker.terminate();
  }

  private fail(why: string): void {
    if (this.stopped) return;
    this.stop();
    this.rejectPending?.(new Error(`WAL checkpointer stopped: ${why}`));
    this.onFail(why);
  }
}

const running = new WeakMap<BetterSqlite3.Database, Checkpointer>();

/**
 * Where the worker loads better-sqlite3 from: the file this process resolves. Inside the Next.js
 * server bundle, webpack turns `createRequire(import.meta.url).resolve` into its own resolver,
 * which answers a module id (a number), not a path; then the worker requires the package by name,
 * which Node resolves from the working directory (the project, where `next start` runs).
 */
function betterSqlite3Path(): string {
  const resolved: unknown = createRequire(import.meta.url).resolve("better-sqlite3");
  return typeof resolved === "string" ? resolved : "better-sqlite3";
}

/** SQLite's default: a checkpoint inside the COMMIT that takes the -wal file past 1,000 pages. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * Moves this file connection's checkpoints to a worker thread (see above). If the worker cannot
 * start, or dies later, the connection checkpoints itself again (SQLite's automatic checkpoint)
 * and walRoom stops waiting. `module`: what the worker loads as better-sqlite3 (tests).
 */
export function startCheckpointer(conn: BetterSqlite3.Database, module = betterSqlite3Path()): void {
  if (conn.memory || running.has(conn)) return;
  let c: Checkpointer;
  try {
    c = new Checkpointer(conn, module, (why) => {
      running.delete(conn);
      if (conn.open) conn.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      console.error(`[db] WAL checkpoints are back on the main thread: ${why}`);
    });
  } catch (e) {
    // no worker: SQLite's own automatic checkpoint (inside the COMMIT) stays on
    console.error(`[db] WAL checkpoints stay on the main thread: ${(e as Error).message}`);
    return;
  }
  conn.pragma("wal_autocheckpoint = 0");
  conn.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  running.set(conn, c);
}

export function stopCheckpointer(conn: BetterSqlite3.Database): void {
  running.get(conn)?.stop();
  running.delete(conn);
}

const walBytes = (conn: BetterSqlite3.Database) => {
  try {
    return fs.statSync(`${conn.name}-wal`).size;
  } catch {
    return 0;
  }
};

/**
 * Waits, without blocking the event loop, while the -wal file is above `limit` and not every frame
 * has been copied back yet. Returns at once when the connection has no checkpointer.
 */
export async function walRoom(conn: BetterSqlite3.Database, limit = WAL_LIMIT_BYTES): Promise<void> {
  if (!running.has(conn) || walBytes(conn) <= limit) return;
  for (;;) {
    const c = running.get(conn);
    if (!c) return; // the worker died: the connection checkpoints itself again
    let r: Result;
    try {
      r = await c.run();
    } catch (e) {
      // a checkpoint failed: the write goes ahead (the -wal file grows), the next slice asks again
      console.error(`[db] ${(e as Error).message}`);
      return;
    }
    if (r.busy === 0 && r.log === r.checkpointed) return;
    await sleep(RETRY_MS); // a reader still needs old frames
  }
}
