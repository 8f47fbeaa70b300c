import { Gauge, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { escapeLabelValue, SnapshotGauge } from "./snapshot-gauge";

const rows: [Record<"app_id" | "owner", string>, number][] = [
  [{ app_id: "checkout-api", owner: "bob@example.com" }, 0.97],
  [{ app_id: 'quote"d', owner: "back\\slash" }, 0],
  [{ app_id: "multi\nline", owner: "" }, -1.5e-7],
  [{ app_id: "big", owner: "x" }, 123456789012],
];

async function both() {
  const fast = new Registry();
  const plain = new Registry();
  const g = new SnapshotGauge({ name: "t_value", help: "help", labelNames: ["app_id", "owner"] as const, registers: [fast] });
  const p = new Gauge({ name: "t_value", help: "help", labelNames: ["app_id", "owner"] as const, registers: [plain] });
  return { fast, plain, g, p };
}

describe("SnapshotGauge", () => {
  it("renders exactly what prom-client renders for the same series", async () => {
    const { fast, plain, g, p } = await both();
    g.replace(rows);
    for (const [labels, value] of rows) p.set(labels, value);
    expect(await fast.metrics()).toBe(await plain.metrics());
    expect(await fast.getMetricsAsJSON()).toEqual(await plain.getMetricsAsJSON());
  });

  it("renders a single series and no series like prom-client", async () => {
    const { fast, plain, g, p } = await both();
    expect(await fast.metrics()).toBe(await plain.metrics());
    g.replace(rows.slice(0, 1));
    p.set(rows[0]![0], rows[0]![1]);
    expect(await fast.metrics()).toBe(await plain.metrics());
  });

  it("replaces the whole series set and leaves out non-finite values", async () => {
    const { fast, g } = await both();
    g.replace(rows);
    g.replace([[{ app_id: "a", owner: "" }, 1], [{ app_id: "b", owner: "" }, Number.NaN], [{ app_id: "c", owner: "" }, Infinity]]);
    expect(g.size).toBe(1);
    expect(await fast.metrics()).toBe('# HELP t_value help\n# TYPE t_value gauge\nt_value{app_id="a",owner=""} 1\n');
  });
});

describe("escapeLabelValue", () => {
  it("escapes backslash, double quote and newline, and leaves everything else", () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(escapeLabelValue("bob@example.com ü")).toBe("bob@example.com ü");
  });
});
