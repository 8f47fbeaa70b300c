// `npm start` / `npm run demo`: check settings, migrate, (demo: seed), build if needed, serve.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { ZodError } from "zod";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env";
import { grafanaSettingsOf } from "@/lib/grafana/config";
import { migrateDeploy } from "@/lib/db/migrate";
import { baseUrlWarning } from "@/lib/http/base-url";
import { serverNodeOptions } from "@/lib/http/node-options";
import { countUsers, demoAccountsWithDemoPassword, seedDemo } from "@/lib/seed/seed-demo";
import { DEMO_PASSWORD } from "@/lib/auth/password";
import { describeIssues } from "@/lib/validation/field-errors";

const root = process.cwd();
const demo = process.argv.includes("--demo");
// Next.js's own CLI, run as this process's direct child (`next start` serves in that process), not
// through npx: npm exec ends on a SIGTERM without passing it on, which left the server running
const nextCli = createRequire(path.join(root, "package.json")).resolve("next/dist/bin/next");
const SOURCES = ["app", "lib", "components", "next.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== "generated") newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

function needsBuild(): boolean {
  const id = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

async function main() {
  // the same files Next.js reads, so the start checks see the settings the server will use
  for (const file of [".env.local", ".env"]) if (fs.existsSync(file)) process.loadEnvFile(file);
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  if (demo) process.env.DEMO_MODE = "true";
  const env = parseEnv(process.env);
  const grafana = grafanaSettingsOf(env);
  console.log(grafana ? `[start] Grafana sync to ${grafana.url}` : "[start] Grafana not configured (GRAFANA_URL unset)");
  const linkWarning = env.DEMO_MODE ? null : baseUrlWarning(env);
  if (linkWarning) console.warn(`[start] ${linkWarning}`);
  console.log(`[start] database ${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//***@")}`);
  await migrateDeploy(env.DATABASE_URL);
  if (env.DEMO_MODE) {
    if (await seedDemo()) console.log(`[start] seeded demo data (every demo login uses the password "${DEMO_PASSWORD}")`);
  } else {
    if ((await countUsers()) === 0) {
      console.log('[start] no accounts yet: create the first admin with `npm run admin -- user add you@example.com "Your Name" admin` (see README)');
    }
    const weak = await demoAccountsWithDemoPassword();
    if (weak.length > 0) {
      throw new EnvError([], `Refusing to start: ${weak.join(", ")} still use the demo password. Change them, or set DEMO_MODE=true (npm run demo) for a demo.`);
    }
  }
  if (needsBuild()) {
    console.log("[start] building (next build)…");
    const r = spawnSync(process.execPath, [nextCli, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (r.status !== 0) throw new Error("next build failed");
  }
  console.log(`[start] serving on http://${env.HOST}:${env.PORT}`);
  // a larger young generation for the server (lib/http/node-options.ts)
  const serverEnv = { ...process.env, NODE_OPTIONS: serverNodeOptions(process.env.NODE_OPTIONS) };
  const child = spawn(process.execPath, [nextCli, "start", "-p", String(env.PORT), "-H", env.HOST], { stdio: "inherit", env: serverEnv });
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 0)));
}

main().catch((error: unknown) => {
  if (error instanceof ZodError) console.error(`Invalid settings:\n  ${describeIssues(error.issues, { root: "settings", separator: "\n  ", colon: true })}`);
  else console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
