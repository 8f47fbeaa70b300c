import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "@/package.json";
import { dashboardQueries, substituteGrafanaVars } from "@/lib/metrics/dashboard-queries";
import { detectionQuery } from "@/lib/grafana/build-detection-rule";
import { freePort, start, waitFor, type Started } from "./support/processes";
import { startPrometheus, type PrometheusApi, type PromSample } from "./support/prometheus";

// The portal as a Prometheus target, proved with the real thing: `npm run demo` (built into
// .next-system, fresh SQLite database under data/system) scraped every second by Debian's
// Prometheus with the bearer token; every check goes through Prometheus's HTTP API.

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, "data", "system");
const TOKEN = crypto.randomBytes(24).toString("hex");
const STAGES = ["load", "prepare", "expected", "crash", "trend", "threshold", "anomaly", "persist", "notify"];

let portal: Started | undefined;
let prom: PrometheusApi | undefined;
let promDir = "";
let base = "";

// Settings of the developer's shell must not leak into the demo server (a test runner's NODE_ENV,
// a Grafana or SMTP address, another database).
function childEnv(port: number): Record<string, string | undefined> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|VITEST|TEST_|INTEGRATION_|DATABASE_URL|PORT|HOST|GRAFANA_|PROMETHEUS_|SMTP_|METRICS_|SESSION_|DEMO_|SCHEDULER_|DETECTION_|NEXT_)/.test(k)),
  );
  return {
    ...inherited,
    DATABASE_URL: `file:${path.join(dataDir, "portal.db")}`,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_DIST_DIR: ".next-system",
    NEXT_TELEMETRY_DISABLED: "1",
    METRICS_TOKEN: TOKEN,
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    // detection runs only when this test asks for it, so "before" and "after" are well defined
    SCHEDULER_ENABLED: "false",
  };
}

const api = () => {
  if (!prom) throw new Error("Prometheus did not start");
  return prom;
};
const byLabels = (r: PromSample[], key: (m: Record<string, string>) => string) => Object.fromEntries(r.map((s) => [key(s.metric), Number(s.value[1])]));

async function login(email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "demo" }) });
  expect(res.status, `sign in as ${email}`).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("portal_session="));
  if (!cookie) throw new Error("no session cookie");
  return cookie.split(";")[0] as string;
}

beforeAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // `npm run demo` migrates, seeds and builds into NEXT_DIST_DIR when the sources are newer.
  portal = start("portal (npm run demo)", "npm", ["run", "demo"], { env: childEnv(port), log: path.join(dataDir, "portal.log"), cwd: root });
  await waitFor("the portal to serve /api/metrics", async () => {
    const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return res.status === 200 ? true : undefined;
  }, { timeoutMs: 600_000, intervalMs: 1000, alive: [portal] });

  promDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-prometheus-"));
  prom = await startPrometheus({
    dir: promDir,
    target: `127.0.0.1:${port}`,
    metricsPath: "/api/metrics",
    bearer: TOKEN,
    ruleFiles: [path.join(root, "monitoring", "alert-rules.yml")],
  });
  await prom.waitForQuery('up{job="ownership-portal"}', (r) => r[0]?.value[1] === "1", 60_000);
});

afterAll(async () => {
  await prom?.proc.stop();
  await portal?.stop();
  if (promDir) fs.rmSync(promDir, { recursive: true, force: true });
});

describe("GET /api/metrics on the running portal", () => {
  it("answers 401 without the bearer token and the exposition format with it", async () => {
    expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/api/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const body = await res.text();
    expect(body).not.toContain(TOKEN);
  });
});

describe("Prometheus scraping the portal", () => {
  it("has the portal as a healthy target, scraped with the bearer token", async () => {
    const { body } = await api().api<{ activeTargets: { health: string; lastError: string; scrapeUrl: string }[] }>("/api/v1/targets");
    expect(body.data.activeTargets).toHaveLength(1);
    expect(body.data.activeTargets[0]).toMatchObject({ health: "up", lastError: "" });
    expect(body.data.activeTargets[0]?.scrapeUrl).toMatch(/\/api\/metrics$/);
  });

  it("sees apps per team and ownership state as in the demo data", async () => {
    const apps = byLabels(await api().query("portal_apps"), (m) => `${m.team}/${m.state}`);
    expect(apps).toEqual({
      "payments/owned": 6, "payments/unowned": 7, "payments/owner_away": 0, "payments/unreachable": 0,
      "search/owned": 2, "search/unowned": 4, "search/owner_away": 1, "search/unreachable": 2,
      "platform/owned": 1, "platform/unowned": 2, "platform/owner_away": 0, "platform/unreachable": 0,
    });
  });

  it("labels each app with team, owner, backup and responder", async () => {
    const info = async (appId: string) => (await api().query(`portal_app_owner_info{app_id="${appId}"}`)).map((s) => s.metric);
    expect(await info("checkout-api")).toEqual([
      expect.objectContaining({ app_id: "checkout-api", team: "payments", owner: "bob@example.com", backup: "lee@example.com", responder: "bob@example.com" }),
    ]);
    // dan is away: his backup carol answers for the indexer
    expect((await info("indexer"))[0]).toMatchObject({ owner: "dan@example.com", backup: "carol@example.com", responder: "carol@example.com" });
    // sam is away without a backup: Prometheus drops the empty responder label
    const crawler = (await info("crawler"))[0];
    expect(crawler).toMatchObject({ owner: "sam@example.com" });
    expect(crawler?.responder).toBeUndefined();
    expect(await api().query("count(portal_app_owner_info)")).toMatchObject([{ value: [expect.any(Number), "25"] }]);
  });

  it("reports the build and Node process metrics", async () => {
    expect(await api().query("portal_build_info")).toMatchObject([{ metric: { version: pkg.version }, value: [expect.any(Number), "1"] }]);
    expect(Number((await api().query("process_resident_memory_bytes"))[0]?.value[1])).toBeGreaterThan(10_000_000);
    expect(await api().query("nodejs_eventloop_lag_p99_seconds")).toHaveLength(1);
  });

  it("times API requests by route pattern, never by raw URL", async () => {
    const cookie = await login("ada@example.com");
    expect((await fetch(`${base}/api/apps/checkout-api`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${base}/api/apps/checkout-api`)).status).toBe(401);
    await api().waitForQuery('portal_http_request_duration_seconds_count{route="/api/apps/:appId", method="GET"}', (r) => {
      const byClass = byLabels(r, (m) => m.status_class ?? "");
      return (byClass["2xx"] ?? 0) >= 1 && (byClass["4xx"] ?? 0) >= 1;
    });
    expect(await api().query('portal_http_request_duration_seconds_count{route=~".*checkout-api.*"}')).toEqual([]);
  });

  it("accepts every query of the shipped Grafana dashboard", async () => {
    const queries = dashboardQueries(fs.readFileSync(path.join(root, "monitoring", "grafana-dashboard.json"), "utf8"));
    expect(queries.length).toBeGreaterThan(10);
    for (const q of queries) await expect(api().query(substituteGrafanaVars(q.expr)), q.title).resolves.toBeInstanceOf(Array);
  });

  it("loads and evaluates the shipped alert rules", async () => {
    type Rules = { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
    const rules = await waitFor("every alert rule to be evaluated", async () => {
      const { body } = await api().api<Rules>("/api/v1/rules");
      const all = body.data.groups.flatMap((g) => g.rules);
      return all.length > 0 && all.every((r) => r.health !== "unknown") ? all : undefined;
    }, { timeoutMs: 30_000 });
    expect(rules.map((r) => r.name)).toContain("PortalAppTrafficAnomaly");
    expect(rules.filter((r) => r.health !== "ok")).toEqual([]);
  });
});

describe("after a detection run", () => {
  let summary: { evaluated?: number } = {};

  beforeAll(async () => {
    // No run has happened yet: the scheduler is off, and the demo only seeds traffic.
    expect(await api().query('portal_detection_runs_total{outcome="ok"} > 0')).toEqual([]);
    expect(await api().query("portal_app_anomaly_score")).toEqual([]);
    const cookie = await login("ada@example.com");
    const res = await fetch(`${base}/api/detection/run`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: "{}" });
    if (res.status === 404) throw new Error("POST /api/detection/run answered 404: the detection-run endpoint is missing");
    expect(res.status, await res.clone().text()).toBe(200);
    summary = (await res.json()) as { evaluated?: number };
    await api().waitForQuery('portal_detection_runs_total{outcome="ok"}', (r) => Number(r[0]?.value[1]) >= 1);
  });

  it("evaluated every demo app", () => {
    expect(summary.evaluated).toBe(25);
  });

  it("records a duration for every stage of the algorithm", async () => {
    const counts = await api().waitForQuery("portal_detection_stage_duration_seconds_count > 0", (r) => r.length === STAGES.length);
    expect(counts.map((s) => s.metric.stage).sort()).toEqual([...STAGES].sort());
    const p99 = await api().query("histogram_quantile(0.99, sum by (le) (portal_detection_stage_duration_seconds_bucket))");
    expect(Number(p99[0]?.value[1])).toBeGreaterThan(0);
  });

  it("counts the crash it found in checkout-api and shows it open", async () => {
    await api().waitForQuery('portal_detection_findings_total{detector="crash", severity="critical"} >= 1', (r) => r.length === 1);
    await api().waitForQuery('portal_detection_open_findings{detector="crash", severity="critical"} >= 1', (r) => r.length === 1);
  });

  it("exports each app's anomaly score, expected traffic and trend", async () => {
    const scores = await api().waitForQuery("portal_app_anomaly_score", (r) => r.length === 25);
    for (const s of scores) expect(Number(s.value[1]), s.metric.app_id).toBeGreaterThanOrEqual(0);
    for (const s of scores) expect(Number(s.value[1]), s.metric.app_id).toBeLessThanOrEqual(1);
    expect(Number((await api().query('portal_app_traffic_expected{app_id="checkout-api"}'))[0]?.value[1])).toBeGreaterThan(0);
    expect(Number((await api().query('portal_app_traffic_trend_per_day{app_id="search-frontend"}'))[0]?.value[1])).toBeLessThan(0);
  });

  it("joins the anomaly score with the responder, as the shipped alert does", async () => {
    const joined = await api().query(
      "max by (app_id) (portal_app_anomaly_score) * on (app_id) group_left (team, responder) topk by (app_id) (1, portal_app_owner_info)",
    );
    expect(joined).toHaveLength(25);
    expect(joined.find((s) => s.metric.app_id === "checkout-api")?.metric).toMatchObject({ team: "payments", responder: "bob@example.com" });
    expect(joined.find((s) => s.metric.app_id === "indexer")?.metric).toMatchObject({ team: "search", responder: "carol@example.com" });
  });

  it("feeds the Grafana detection rule: checkout-api's open crash, labelled with its responder", async () => {
    const series = await api().waitForQuery(detectionQuery("payments", ["crash", "trend"]), (r) => r.length > 0);
    expect(series.find((s) => s.metric.app_id === "checkout-api")?.metric).toMatchObject({ team: "payments", owner: "bob@example.com", responder: "bob@example.com" });
    expect(series.every((s) => s.metric.team === "payments")).toBe(true);
  });

  it("shows a newcomer every detector firing on the demo data", async () => {
    const open = await api().waitForQuery("portal_app_open_finding", (r) => r.length >= 4);
    const seen = open.map((s) => `${s.metric.app_id}:${s.metric.detector}`).sort();
    expect(seen).toEqual(expect.arrayContaining(["checkout-api:crash", "checkout-api:threshold", "currency-rates:anomaly", "search-frontend:trend"]));
  });
});

// Last, since it ends the portal: an operator's `kill <pid of npm start's node>` (or a process
// manager's SIGTERM to it) reaches the Next.js server too; nothing of the portal keeps running.
// Next.js shuts down gracefully: it stops accepting connections and exits once the open ones are
// closed, and a keep-alive connection that sends a request more often than the server's 5 s idle
// timeout stays open. With Prometheus still scraping every second the server went on answering
// for over 20 s (3 runs of 5), so Prometheus is stopped first; the port is probed with a new
// connection each time (fetch would reuse a pooled one).
const acceptsConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

describe("stopping the portal", () => {
  it("ends the server when scripts/start.ts alone gets SIGTERM", async () => {
    const group = portal?.child.pid;
    if (!group) throw new Error("portal not started");
    await prom?.proc.stop();
    const inGroup = () =>
      execFileSync("ps", ["-o", "pid=,args=", "-g", String(group)], { encoding: "utf8" }).split("\n").filter(Boolean).map((l) => {
        const [pid, ...args] = l.trim().split(/\s+/);
        return { pid: Number(pid), args: args.join(" ") };
      });
    // the node process itself (npm run's shell also has scripts/start.ts in its arguments)
    const launcher = inGroup().find((p) => /^\S*node .*scripts\/start\.ts/.test(p.args));
    expect(launcher, inGroup().map((p) => p.args).join("\n")).toBeDefined();
    process.kill(launcher!.pid, "SIGTERM");
    const port = Number(new URL(base).port);
    await waitFor("the portal to stop accepting connections", async () => ((await acceptsConnections(port)) ? undefined : true), { timeoutMs: 30_000 });
    // every process npm run demo started has ended (none left behind holding the port or the file)
    await waitFor("the process group to be empty", async () => {
      try {
        return inGroup().length === 0 ? true : undefined;
      } catch {
        return true; // ps exits 1 when no process is in the group
      }
    }, { timeoutMs: 30_000 });
  });
});
