import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer, stopCheckpointer, walRoom } from "./wal-checkpointer";

// A real SQLite file: with wal_autocheckpoint = 0 on the writing connection, only the worker
// thread's checkpoints can copy the written pages from the -wal file into the database file.
describe("WAL checkpoints in a worker thread", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  function open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wal-ckpt-"));
    dirs.push(dir);
    const file = path.join(dir, "t.db");
    const conn = new Database(file);
    conn.pragma("journal_mode = WAL");
    conn.pragma("synchronous = NORMAL");
    conn.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB)");
    return { conn, file };
  }

  it("copies committed pages into the database file without a checkpoint on the writer's connection", async () => {
    const { conn, file } = open();
    startCheckpointer(conn);
    expect(conn.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    const insert = conn.prepare("INSERT INTO t (k, v) VALUES (?, randomblob(4000))");
    conn.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(i);
    })();
    // ~8 MB in the -wal file; the worker polls every 100 ms
    const deadline = Date.now() + 10_000;
    while (fs.statSync(file).size < before + 7_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(file).size).toBeGreaterThan(before + 7_000_000);
    stopCheckpointer(conn);
    conn.close();
  });

  it("walRoom waits until every frame is copied when the -wal file is over the limit", async () => {
    const { conn, file } = open();
    startCheckpointer(conn);
    const insert = conn.prepare("INSERT INTO t (k, v) VALUES (?, randomblob(4000))");
    conn.transaction(() => {
      for (let i = 0; i < 1_000; i++) insert.run(i);
    })();
    await walRoom(conn, 1024);
    // everything is in the database file now: the next write starts the log from the beginning
    expect(fs.statSync(file).size).toBeGreaterThan(4_000_000);
    const walBefore = fs.statSync(`${file}-wal`).size;
    conn.prepare("INSERT INTO t (k, v) VALUES (?, randomblob(10))").run(5_000);
    expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(walBefore);
    expect(conn.prepare("SELECT COUNT(*) FROM t").pluck().get()).toBe(1_001);
    stopCheckpointer(conn);
    conn.close();
  });

  it("leaves an in-memory database alone", () => {
    const conn = new Database(":memory:");
    startCheckpointer(conn);
    expect(conn.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    conn.close();
  });

  it("hands the checkpoints back to the connection when the worker dies, and walRoom stops waiting", async () => {
    const { conn } = open();
    // a worker whose better-sqlite3 cannot be loaded: it starts, then fails asynchronously
    startCheckpointer(conn, path.join(os.tmpdir(), "no-such-module-here", "index.js"));
    expect(conn.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const deadline = Date.now() + 10_000;
    while (conn.pragma("wal_autocheckpoint", { simple: true }) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(conn.pragma("wal_autocheckpoint", { simple: true })).toBe(1_000);
    const insert = conn.prepare("INSERT INTO t (k, v) VALUES (?, randomblob(4000))");
    conn.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(i);
    })();
    await walRoom(conn, 1024); // returns: there is no checkpointer to wait for
    stopCheckpointer(conn);
    conn.close();
  });
});
