import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// System tests: the built portal (`npm run demo`) scraped by Debian's real Prometheus.
// Slow (a production build on first run), so they run after the integration suites.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/system/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
