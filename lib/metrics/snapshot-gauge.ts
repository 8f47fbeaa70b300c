import { Gauge, type GaugeConfiguration } from "prom-client";

type Labels<T extends string> = Record<T, string>;

const SPECIAL = /[\\\n"]/;
// Escaping of the text exposition format: backslash, double quote and newline.
export function escapeLabelValue(value: string): string {
  if (!SPECIAL.test(value)) return value; // almost always: ids and emails need none
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

// prom-client formats a value's labels and caches its "shared labels" by object identity; one
// frozen empty object for both makes that work a no-op for the pre-rendered block below.
const NONE = Object.freeze({});

/**
 * A gauge whose whole series set is replaced at once from a database snapshot (the per-app
 * gauges, ~55,000 series for 10,000 apps). `replace` renders the family's sample lines once;
 * prom-client's Registry#metrics() reads them through its `getForPromString` hook as a single
 * pre-rendered value. Formatting each series the generic way (label objects, per-line arrays)
 * cost more than the target for a whole scrape, mostly in garbage collection (docs/metrics.md).
 * `get()` still returns ordinary labelled values, so JSON output and tests see normal metrics.
 */
export class SnapshotGauge<T extends string> extends Gauge<T> {
  private rowLabels: Labels<T>[] = [];
  private values: number[] = [];
  private text = "";
  private readonly metricName: string;
  private readonly labelKeys: readonly T[];

  constructor(config: GaugeConfiguration<T> & { labelNames: readonly T[] }) {
    super(config);
    this.metricName = config.name;
    this.labelKeys = config.labelNames;
  }

  /** Replaces every series; rows with a non-finite value are left out. */
  replace(rows: Iterable<readonly [Labels<T>, number]>): void {
    const labels: Labels<T>[] = [];
    const values: number[] = [];
    const lines: string[] = [];
    for (const [l, value] of rows) {
      if (!Number.isFinite(value)) continue;
      let selector = "";
      for (const key of this.labelKeys) selector += `${selector ? "," : ""}${key}="${escapeLabelValue(l[key])}"`;
      labels.push(l);
      values.push(value);
      lines.push(`${this.metricName}{${selector}} ${value}`);
    }
    this.rowLabels = labels;
    this.values = values;
    this.text = lines.join("\n");
  }

  get size(): number {
    return this.values.length;
  }

  override async get() {
    const base = await super.get(); // runs the collect hook (the database refresh)
    return { ...base, values: this.values.map((value, i) => ({ labels: this.rowLabels[i] ?? {}, value })) };
  }

  // Read by prom-client's Registry#metrics() in place of get(). It prints each value as
  // `${metricName} ${value}`: the block's last value is split off so that line reads the same.
  async getForPromString() {
    const base = await super.get();
    if (this.values.length === 0) return { ...base, values: [] };
    const cut = this.text.lastIndexOf(" ");
    return { ...base, values: [{ metricName: this.text.slice(0, cut), value: this.values.at(-1) ?? 0, labels: NONE, sharedLabels: NONE }] };
  }
}
