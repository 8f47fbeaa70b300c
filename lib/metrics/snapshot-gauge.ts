import { Gauge, type GaugeConfiguration } from "prom-client";

type Labels<T extends string> = Record<T, string>;
type Row<T extends string> = { labels: Labels<T>; value: number; series: string };

// Escaping of the text exposition format: backslash, double quote and newline.
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

/**
 * A gauge whose whole series set is replaced at once from a database snapshot (the per-app
 * gauges). Each series' `name{labels}` text is built once in `replace`, and the registry reads
 * it through prom-client's `getForPromString` hook: formatting labels the generic way costs
 * prom-client ~5 µs a line, which for 10,000 apps × 6 series was most of a scrape (see
 * docs/metrics.md). `get()` still returns ordinary labelled values, so JSON output is unchanged.
 */
export class SnapshotGauge<T extends string> extends Gauge<T> {
  private rows: Row<T>[] = [];
  private readonly metricName: string;
  private readonly labelKeys: readonly T[];

  constructor(config: GaugeConfiguration<T> & { labelNames: readonly T[] }) {
    super(config);
    this.metricName = config.name;
    this.labelKeys = config.labelNames;
  }

  /** Replaces every series; rows with a non-finite value are left out. */
  replace(rows: Iterable<readonly [Labels<T>, number]>): void {
    const next: Row<T>[] = [];
    for (const [labels, value] of rows) {
      if (!Number.isFinite(value)) continue;
      let text = "";
      for (const key of this.labelKeys) {
        text += `${text ? "," : ""}${key}="${escapeLabelValue(labels[key])}"`;
      }
      next.push({ labels, value, series: `${this.metricName}{${text}}` });
    }
    this.rows = next;
  }

  get size(): number {
    return this.rows.length;
  }

  override async get() {
    const base = await super.get(); // runs the collect hook (the database refresh)
    return { ...base, values: this.rows.map((r) => ({ labels: r.labels, value: r.value })) };
  }

  // Read by prom-client's Registry#metrics() in place of get() when present.
  async getForPromString() {
    const base = await super.get();
    return { ...base, values: this.rows.map((r) => ({ metricName: r.series, value: r.value })) };
  }
}
