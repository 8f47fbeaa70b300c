import path from "node:path";

// One database per run; the PostgreSQL one is dropped and recreated by the global setup.
export function integrationDatabaseUrl(): string {
  const which = process.env.INTEGRATION_DB ?? "sqlite";
  if (which === "postgres") {
    return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/portal_integration";
  }
  if (which !== "sqlite") throw new Error(`INTEGRATION_DB must be sqlite or postgres, not ${which}`);
  return `file:${path.resolve("data", "test", "integration.db")}`;
}

// Fixed per run so the worker processes know it from the config's env (override with SMTP_TEST_PORT to run two checkouts side by side).
export const SMTP_TEST_PORT = Number(process.env.SMTP_TEST_PORT ?? 25_870);
