// Loads the WebAssembly build of Prisma's schema engine (@prisma/schema-engine-wasm).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const panicRegistry = {
  message: "",
  set_message(value) {
    this.message = `RuntimeError: ${value}`;
  },
};

let loaded;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
export function loadWasmEngine() {
  loaded ??= (async () => {
    // Panics report through this global; it must exist before the first call.
    globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.promises.readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bg;
  })();
  return loaded;
}

export function wasmEngineVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "package.json"), "utf8"));
  return pkg.version;
}
