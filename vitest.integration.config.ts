import { defineConfig } from "vitest/config";
import base from "./vitest.config";
import { integrationDatabaseUrl } from "./test/integration/database-url";

// Integration tests against a real database: INTEGRATION_DB=sqlite (default) or postgres.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/integration/global-setup.ts"],
    env: { DATABASE_URL: integrationDatabaseUrl(), SESSION_SECRET: "integration-tests-secret-0123456789abcdef" },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
