import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

// Processes a system test starts: each in its own process group (npm → node → next), output to
// a log file, stopped by group id at the end. Waiting is polling with a deadline, never a sleep.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type Started = { name: string; child: ChildProcess; log: string; exited: () => boolean; tail: (lines?: number) => string; stop: () => Promise<void> };

export function start(name: string, cmd: string, args: string[], opts: { env: Record<string, string | undefined>; log: string; cwd?: string }): Started {
  const out = fs.openSync(opts.log, "w");
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv, stdio: ["ignore", out, out], detached: true });
  fs.closeSync(out);
  let done = false;
  const exit = new Promise<void>((resolve) => child.on("exit", () => ((done = true), resolve())));
  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig); // the whole group we started, by its id
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    log: opts.log,
    exited: () => done,
    tail: (lines = 40) => fs.readFileSync(opts.log, "utf8").split("\n").slice(-lines).join("\n"),
    stop: async () => {
      if (done) return;
      signal("SIGTERM");
      const killed = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref())]);
      if (!killed) signal("SIGKILL");
      await exit;
    },
  };
}

/** Polls `check` until it returns a value (not undefined), the deadline passes or `alive` fails. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, opts: { timeoutMs: number; intervalMs?: number; alive?: Started[] }): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  let last: unknown;
  for (;;) {
    for (const p of opts.alive ?? []) {
      if (p.exited()) throw new Error(`${p.name} exited while waiting for ${what}:\n${p.tail()}`);
    }
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const logs = (opts.alive ?? []).map((p) => `--- ${p.name} (${p.log})\n${p.tail()}`).join("\n");
      throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 250));
  }
}
