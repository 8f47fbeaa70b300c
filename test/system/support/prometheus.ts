import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { freePort, start, waitFor, type Started } from "./processes";

export const PROMETHEUS = process.env.PROMETHEUS_BIN ?? "/usr/bin/prometheus";

export type PromSample = { metric: Record<string, string>; value: [number, string] };

/** Debian's Prometheus on loopback, scraping one target every second. */
export async function startPrometheus(opts: { dir: string; target: string; metricsPath: string; bearer?: string; ruleFiles?: string[] }) {
  const port = await freePort();
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
    rule_files: opts.ruleFiles ?? [],
    scrape_configs: [
      {
        job_name: "ownership-portal",
        metrics_path: opts.metricsPath,
        ...(opts.bearer ? { authorization: { type: "Bearer", credentials: opts.bearer } } : {}),
        static_configs: [{ targets: [opts.target] }],
      },
    ],
  };
  const file = path.join(opts.dir, "prometheus.yml");
  fs.writeFileSync(file, YAML.stringify(config));
  const proc = start("prometheus", PROMETHEUS, [
    `--config.file=${file}`,
    `--storage.tsdb.path=${path.join(opts.dir, "tsdb")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--log.level=warn",
  ], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin" }, log: path.join(opts.dir, "prometheus.log"), cwd: opts.dir });
  const url = `http://127.0.0.1:${port}`;
  await waitFor("Prometheus to be ready", async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined), { timeoutMs: 30_000, alive: [proc] });
  return new PrometheusApi(url, proc);
}

export class PrometheusApi {
  constructor(readonly url: string, readonly proc: Started) {}

  async api<T>(pathAndQuery: string): Promise<{ status: number; body: { status: string; data: T; error?: string } }> {
    const res = await fetch(`${this.url}${pathAndQuery}`);
    return { status: res.status, body: (await res.json()) as { status: string; data: T; error?: string } };
  }

  /** Instant query; throws with Prometheus's message on a 4xx/5xx (a parse error is 400). */
  async query(expr: string): Promise<PromSample[]> {
    const { status, body } = await this.api<{ resultType: string; result: PromSample[] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
    if (status !== 200) throw new Error(`query ${expr} → ${status} ${body.error ?? ""}`);
    return body.data.result;
  }

  /** Polls an instant query until `accept` holds for its result. */
  async waitForQuery(expr: string, accept: (r: PromSample[]) => boolean, timeoutMs = 30_000): Promise<PromSample[]> {
    return waitFor(`Prometheus query ${expr}`, async () => {
      const r = await this.query(expr);
      return accept(r) ? r : undefined;
    }, { timeoutMs, intervalMs: 300, alive: [this.proc] });
  }
}
