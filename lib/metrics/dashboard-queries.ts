// The PromQL queries of monitoring/grafana-dashboard.json, for the tests that check them
// (promtool in the unit tests, the real Prometheus in test/system).

type Panel = { title?: string; targets?: { expr?: string }[]; panels?: Panel[] };
const GRAFANA_VARS: Record<string, string> = { __rate_interval: "5m", __interval: "1m", __range: "6h", team: ".*", job: ".*" };

export function dashboardQueries(json: string): { title: string; expr: string }[] {
  const out: { title: string; expr: string }[] = [];
  const walk = (ps: Panel[]) => {
    for (const p of ps) {
      for (const t of p.targets ?? []) if (t.expr) out.push({ title: p.title ?? "", expr: t.expr });
      walk(p.panels ?? []);
    }
  };
  walk((JSON.parse(json) as { panels: Panel[] }).panels);
  return out;
}

// Grafana's variables as Prometheus would see them after Grafana substitutes them.
export function substituteGrafanaVars(expr: string): string {
  return expr.replace(/\$\{?(\w+)\}?/g, (whole, name: string) => {
    const v = GRAFANA_VARS[name];
    if (v === undefined) throw new Error(`unknown dashboard variable ${whole} in: ${expr}`);
    return v;
  });
}
