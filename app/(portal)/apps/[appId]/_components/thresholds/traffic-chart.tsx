"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/empty-state";
import type { TrafficChartData } from "@/lib/client/thresholds/chart-data";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const dayTime = new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit" });

/** Recent traffic with the floor and ceiling drawn on it, and dry-run firings shaded. */
export function TrafficChart({ chart, label, multiDay }: { chart: TrafficChartData; label: string; multiDay: boolean }) {
  if (chart.empty) {
    return <EmptyState title="No traffic to show yet">Once samples arrive for this app, its recent traffic appears here.</EmptyState>;
  }
  const tick = (t: number) => (multiDay ? dayTime : time).format(new Date(t));
  return (
    <figure className="threshold-chart" aria-label={label} style={{ margin: 0, width: "100%", height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={chart.points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--text-muted)" fontSize={12} />
          <YAxis domain={[0, chart.yMax]} tickFormatter={(v: number) => `${Math.round(v)}`} width={48} stroke="var(--text-muted)" fontSize={12} />
          <Tooltip
            labelFormatter={(t) => dayTime.format(new Date(Number(t)))}
            formatter={(v) => [`${Number(v).toFixed(1)} req/s`, "Traffic"]}
          />
          {chart.spans.map((s) => (
            <ReferenceArea key={`${s.x1}-${s.x2}`} x1={s.x1} x2={s.x2} fill="var(--danger)" fillOpacity={0.12} ifOverflow="hidden" />
          ))}
          {chart.floor !== null ? (
            <ReferenceLine y={chart.floor} stroke="var(--danger)" strokeDasharray="6 4" label={{ value: `floor ${chart.floor}`, position: "insideBottomRight", fontSize: 12, fill: "var(--danger)" }} />
          ) : null}
          {chart.ceiling !== null ? (
            <ReferenceLine y={chart.ceiling} stroke="var(--warning)" strokeDasharray="6 4" label={{ value: `ceiling ${chart.ceiling}`, position: "insideTopRight", fontSize: 12, fill: "var(--warning)" }} />
          ) : null}
          <Line type="monotone" dataKey="v" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
