// Playwright's webServer: a fresh SQLite database with demo data, then `npm run demo` on E2E_PORT.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

const dir = path.resolve("data", "e2e");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
const child = spawn("npm", ["run", "demo"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "portal.db")}`, PORT: process.env.E2E_PORT ?? "3100" },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
