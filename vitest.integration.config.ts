import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";
import { integrationDatabaseUrl, SMTP_TEST_PORT } from "./test/integration/database-url.ts";

// Integration tests against a real database: INTEGRATION_DB=sqlite (default) or postgres.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["test/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/integration/global-setup.ts"],
    env: {
      DATABASE_URL: integrationDatabaseUrl(),
      SESSION_SECRET: "integration-tests-secret-0123456789abcdef",
      // a real SMTP listener on loopback, started by the notification tests (test/integration/support/smtp.ts)
      SMTP_URL: `smtp://127.0.0.1:${SMTP_TEST_PORT}`,
      SMTP_FROM: "portal@test.example",
      SCHEDULER_ENABLED: "false",
      // the webhook receivers of test/integration/support listen on loopback, which is refused
      // unless allowed (lib/net/address-policy.ts)
      WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
    },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
