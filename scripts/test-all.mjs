// `npm test`: every suite in order — typecheck, unit, integration on SQLite and PostgreSQL, system (Prometheus),
// Playwright e2e in Chromium — then one closing line "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = path.resolve("test-results");
fs.mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  summary.push(`${name}: exit ${r.status} in ${secs}s`);
  return r.status === 0;
}

function vitest(name, args, env) {
  const file = path.join(out, `${name}.json`);
  fs.rmSync(file, { force: true });
  const ok = run(name, "npx", ["vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile=${file}`], env);
  if (fs.existsSync(file)) {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else if (!ok) totals.failed += 1;
  return ok;
}

function playwright() {
  const file = path.join(out, "e2e.json");
  fs.rmSync(file, { force: true });
  const ok = run("e2e", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (fs.existsSync(file)) {
    const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
    totals.passed += s.expected + s.flaky;
    totals.failed += s.unexpected;
    totals.skipped += s.skipped;
  } else if (!ok) totals.failed += 1;
  return ok;
}

const only = process.argv.slice(2);
const want = (s) => only.length === 0 || only.includes(s);
let ok = true;
if (want("typecheck")) ok = run("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]) && ok;
if (want("unit")) ok = vitest("unit", []) && ok;
if (want("sqlite")) ok = vitest("integration-sqlite", ["-c", "vitest.integration.config.ts"], { INTEGRATION_DB: "sqlite" }) && ok;
if (want("postgres")) ok = vitest("integration-postgres", ["-c", "vitest.integration.config.ts"], { INTEGRATION_DB: "postgres" }) && ok;
if (want("system")) ok = vitest("system", ["-c", "vitest.system.config.ts"]) && ok;
if (want("e2e")) ok = playwright() && ok;
if (!ok && totals.failed === 0) totals.failed = 1; // a failed typecheck counts as a failure

console.log(`\n${summary.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
