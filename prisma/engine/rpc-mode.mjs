// JSON-RPC 2.0 over stdin/stdout (one JSON object per line), as the native engine speaks it.
// Requests map to methods of the WASM `SchemaEngine` of the same name, with workarounds.
import fs from "node:fs";
import readline from "node:readline";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createPgFactory, createSqliteFactory } from "./adapters.mjs";
import { createDatabase } from "./cli-mode.mjs";
import { logLine } from "./log.mjs";
import { providerOfUrl } from "./urls.mjs";
import { loadWasmEngine, panicRegistry } from "./wasm-engine.mjs";

const USER_FACING_ERROR = 4466;
// SCHEMA_ENGINE_SHIM_DEBUG=<file>: append each request's duration (and failures) and the
// engine's own log lines to that file (the CLI swallows the engine's stderr).
const debugFile = process.env.SCHEMA_ENGINE_SHIM_DEBUG;
const debug = debugFile
  ? (msg) => fs.appendFileSync(debugFile, `${new Date().toISOString()} [${process.pid}] ${msg}\n`)
  : undefined;

function providerFromDatamodels(datamodels) {
  for (const [, content] of datamodels ?? []) {
    const m = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"([^"]+)"/s.exec(content);
    if (m) return m[1] === "postgres" ? "postgresql" : m[1];
  }
  return undefined;
}

function createConnection(datasource, datamodels) {
  const url = datasource?.url;
  const provider = url ? providerOfUrl(url) : providerFromDatamodels(datamodels);
  if (provider === "sqlite") return createSqliteFactory({ url: url ?? "file::memory:", shadowDatabaseUrl: datasource?.shadowDatabaseUrl });
  if (provider === "postgresql") {
    if (url) return createPgFactory({ url, shadowDatabaseUrl: datasource?.shadowDatabaseUrl });
    // No datasource URL: only URL-free work (schema-to-schema diffs) is possible.
    const fail = async () => {
      throw new Error("No datasource URL is configured (set datasource.url in prisma.config.ts).");
    };
    return { provider, factory: { provider: "postgres", adapterName: "@prisma/adapter-pg", connect: fail, connectToShadowDb: fail }, reset: fail, close: async () => {} };
  }
  throw new Error(`The schema-engine shim supports sqlite and postgresql, not ${provider ?? "an unknown provider"}.`);
}

/** Turns whatever the engine threw into the JSON-RPC error `data` the CLI understands. */
function toErrorData(e, errorRegistry) {
  if (panicRegistry.message) {
    const message = panicRegistry.message;
    panicRegistry.message = "";
    return { is_panic: true, message, error_code: null, meta: null, backtrace: null };
  }
  let data;
  const raw = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
  try {
    const parsed = JSON.parse(raw);
    if (parsed && typeof parsed === "object" && "message" in parsed) data = parsed;
  } catch {
    /* not JSON */
  }
  if (!data && e && typeof e === "object" && !(e instanceof Error) && "message" in e) data = e;
  data ??= { is_panic: false, message: raw, error_code: e?.code ?? null, meta: null };
  data = { is_panic: false, error_code: null, meta: null, ...data };
  // Driver errors surface as "External error id#N": add the JS error they stand for.
  data.message = String(data.message).replace(/External error id#(\d+)/g, (m, id) => {
    const entry = errorRegistry?.consumeError?.(Number(id));
    return entry?.error ? `${m} (${entry.error?.message ?? entry.error})` : m;
  });
  return data;
}

function messageOf(e) {
  return e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e);
}

export async function runRpc({ datamodelPaths, datasource }) {
  const datamodels = datamodelPaths.length ? datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]) : undefined; // never [] (engine panics)
  const conn = createConnection(datasource, datamodels);
  const bound = bindMigrationAwareSqlAdapterFactory(conn.factory);

  const logFn = (line) => {
    debug?.(`engine log: ${typeof line === "string" ? line : JSON.stringify(line)}`);
    // Engine logs are already JSON lines; pass them on for the CLI's error reporting.
    process.stderr.write((typeof line === "string" ? line : JSON.stringify(line)) + "\n");
  };
  // Keep one engine per process (as the native binary does): some methods rely on a
  // cache that earlier calls filled.
  debug?.(`start: ${process.argv.slice(2).join(" ")} (cwd ${process.cwd()})`);
  const enginePromise = loadWasmEngine().then((m) => m.SchemaEngine.new({ datamodels }, logFn, bound));
  enginePromise.catch(() => {}); // reported on first request

  let nextOwnId = 1_000_000;
  const pendingPrints = new Map();
  const send = (obj) => process.stdout.write(JSON.stringify(obj) + "\n");
  /** Ask the CLI to print text (it answers with an empty result). */
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextOwnId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const isMissingMigrationsTable = (e) => /P1014|_prisma_migrations/.test(messageOf(e));

  async function call(method, params) {
    const engine = await enginePromise;
    switch (method) {
      case "getDatabaseVersion":
        return engine.version(params ?? null);
      case "diff": {
        const result = await engine.diff(params);
        // The WASM engine returns the script; the native one prints it through the CLI.
        if (result.stdout != null && result.stdout !== "") await print(result.stdout);
        return { exitCode: result.exitCode };
      }
      case "devDiagnostic":
        try {
          return await engine.devDiagnostic(params);
        } catch (e) {
          if (!isMissingMigrationsTable(e)) throw e;
          // Fresh database: the WASM engine does not treat a missing history table as empty.
          // Applying an empty migration list creates it.
          await engine.applyMigrations({ migrationsList: { ...params.migrationsList, migrationDirectories: [] }, filters: params.filters });
          return engine.devDiagnostic(params);
        }
      case "evaluateDataLoss":
        try {
          return await engine.evaluateDataLoss(params);
        } catch (e) {
          if (!/shadow/i.test(messageOf(e))) throw e;
          // It reads a cache that a diagnose call fills: diagnose the same list, then retry.
          await engine.diagnoseMigrationHistory({ migrationsList: params.migrationsList, optInToShadowDatabase: true, filters: params.filters });
          return engine.evaluateDataLoss(params);
        }
      case "reset":
        // WASM reset leaves the schema in place; do what the native engine does.
        await conn.reset();
        return {};
      case "createDatabase": {
        const url = params?.datasource?.url ?? datasource?.url;
        return { databaseName: await createDatabase(url) };
      }
      case "debugPanic":
        return engine.debugPanic();
      default:
        if (typeof engine[method] !== "function") {
          throw Object.assign(new Error(`Method ${method} is not supported by the WASM schema engine.`), { code: null });
        }
        return engine[method](params);
    }
  }

  // The CLI ends stdin and then kills the engine right away: close connections (and drop
  // any PostgreSQL shadow database still open) before exiting.
  let closing;
  const shutdown = () => (closing ??= conn.close().catch(() => {}).finally(() => process.exit(0)));
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);

  let queue = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (msg.method === undefined) {
      // a response to one of our `print` requests
      const resolve = pendingPrints.get(msg.id);
      pendingPrints.delete(msg.id);
      resolve?.();
      return;
    }
    // Requests run one at a time, in order (print responses are handled above meanwhile).
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        const result = await call(msg.method, msg.params);
        debug?.(`${msg.method} ok in ${Math.round(performance.now() - started)} ms`);
        send({ jsonrpc: "2.0", id: msg.id, result: result ?? {} });
      } catch (e) {
        debug?.(`${msg.method} failed in ${Math.round(performance.now() - started)} ms: ${messageOf(e)}`);
        const data = toErrorData(e, bound.errorRegistry);
        process.stderr.write(logLine("ERROR", data.message, data.error_code ? { error_code: data.error_code } : {}, "schema_engine::rpc") + "\n");
        send({ jsonrpc: "2.0", id: msg.id, error: { code: USER_FACING_ERROR, message: "An error happened. Check the data field for details.", data } });
      }
    });
  });
  await new Promise((resolve) => rl.on("close", resolve));
  await queue;
  const engine = await enginePromise.catch(() => null);
  try {
    engine?.free();
  } catch {
    /* ignore */
  }
  await shutdown();
}
