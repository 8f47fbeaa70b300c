#!/usr/bin/env node
// Drop-in replacement for Prisma's native `schema-engine` executable.
//
// The Prisma CLI (7.x) runs every migrate / db command through a native schema-engine
// binary that it downloads on first use; without internet (or in an air-gapped network)
// that download fails. The CLI accepts any executable through PRISMA_SCHEMA_ENGINE_BINARY,
// so this script speaks the binary's protocol and runs the WebAssembly build of the same
// engine (@prisma/schema-engine-wasm) over a driver adapter:
//   SQLite (`file:` URLs)                 -> @prisma/adapter-better-sqlite3
//   PostgreSQL (`postgres(ql)://` URLs)   -> @prisma/adapter-pg
//
// Invocations (as the CLI makes them):
//   schema-engine --version
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine [--datamodels FILE]… [--datasource JSON] [--enabled-preview-features …] [--extension-types …]
//     -> line-delimited JSON-RPC 2.0 on stdin/stdout until stdin closes.
// See docs/database.md for the engine/adapter workarounds applied here.
import { runCli } from "./cli-mode.mjs";
import { runRpc } from "./rpc-mode.mjs";
import { wasmEngineVersion } from "./wasm-engine.mjs";

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    if (a === "--version" || a === "-V") out.version = true;
    else if (a === "--datamodels" || a === "-d") out.datamodels.push(value());
    else if (a.startsWith("--datamodels=")) out.datamodels.push(a.slice("--datamodels=".length));
    else if (a === "--datasource") out.datasource = JSON.parse(value());
    else if (a.startsWith("--datasource=")) out.datasource = JSON.parse(a.slice("--datasource=".length));
    else if (a === "--enabled-preview-features" || a === "--extension-types") value(); // not needed by the WASM engine
    else if (a === "cli") {
      out.cli = argv[++i];
      break;
    } else if (a === "--help" || a === "-h") out.help = true;
    // anything else is ignored, as unknown flags are harmless here
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  process.stdout.write(`schema-engine-cli ${wasmEngineVersion()} (wasm shim)\n`);
} else if (args.help) {
  process.stdout.write("Prisma schema-engine replacement (WASM engine over driver adapters). See docs/database.md.\n");
} else if (args.cli) {
  process.exitCode = await runCli(args.cli, args.datasource);
} else {
  await runRpc({ datamodelPaths: args.datamodels, datasource: args.datasource });
}
