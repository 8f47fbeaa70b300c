import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // One worker: the journeys share one seeded database and change who owns what.
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/login`,
    // escalation delays × 0.01 (the default policy's 10 m / 20 m become 6 s / 12 s) and a
    // notifications pass every 2 s, so the escalation journey (e2e/oncall.spec.ts) runs in seconds
    env: { E2E_PORT: String(port), ESCALATION_TIME_SCALE: "0.01", NOTIFY_INTERVAL_SECONDS: "2", WEBHOOK_ALLOW_HOSTS: "127.0.0.1" },
    reuseExistingServer: !process.env.CI,
    timeout: 600_000, // a cold `next build` on 2 cores can pass 3 minutes when the machine is busy
    stdout: "pipe",
    stderr: "pipe",
  },
});
