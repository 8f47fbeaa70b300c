import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tests live beside pure code (lib/**/*.test.ts); integration tests (real databases)
// live in test/integration and run through vitest.integration.config.ts.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside Next's react-server bundle; in tests it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "test/unit/**/*.test.ts", "bench/**/*.test.ts", "test/grafana/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});
