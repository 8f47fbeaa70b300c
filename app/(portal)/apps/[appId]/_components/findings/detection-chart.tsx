"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/empty-state";
import type { DetectionChartData } from "@/lib/client/findings/chart-data";
import { DETECTOR_LABELS, SEVERITY_LOOK } from "@/lib/client/findings/format";
import type { FindingSeverity } from "@/lib/client/findings/types";

const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" });
const dayTime = new Intl.DateTimeFormat("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short" });

/** Traffic with a line where each finding started (coloured by severity) and open findings' expected band. */
export function DetectionChart({ chart, label, multiDay }: { chart: DetectionChartData; label: string; multiDay: boolean }) {
  if (chart.empty) {
    return <EmptyState title="No traffic in this range">Once samples arrive for this app, its traffic and findings appear here.</EmptyState>;
  }
  const tick = (t: number) => (multiDay ? day : time).format(new Date(t));
  const severities = [...new Set(chart.markers.map((m) => m.severity))];
  return (
    <div className="stack-sm">
      <figure className="detection-chart" aria-label={label} style={{ margin: 0, width: "100%", height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={chart.points} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" vertical={false} />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--text-muted)" fontSize={12} />
            <YAxis domain={[0, chart.yMax]} tickFormatter={(v: number) => `${Math.round(v)}`} width={48} stroke="var(--text-muted)" fontSize={12} />
            <Tooltip labelFormatter={(t) => dayTime.format(new Date(Number(t)))} formatter={(v) => [`${Number(v).toFixed(1)} req/s`, "Traffic"]} />
            {chart.bands.map((b) => (
              <ReferenceArea key={`band-${b.id}`} x1={b.x1} x2={b.x2} y1={b.y1} y2={b.y2} fill="var(--success)" fillOpacity={0.1} stroke="var(--success)" strokeOpacity={0.35} strokeDasharray="4 4" ifOverflow="hidden" />
            ))}
            {chart.markers.map((m) => (
              <ReferenceLine
                key={`start-${m.id}`}
                x={m.t}
                stroke={SEVERITY_LOOK[m.severity].colour}
                strokeWidth={m.open ? 2 : 1.5}
                strokeDasharray={m.open ? undefined : "4 3"}
                ifOverflow="hidden"
                label={{ value: DETECTOR_LABELS[m.detector], position: "top", fontSize: 11, fill: SEVERITY_LOOK[m.severity].colour }}
              />
            ))}
            <Line type="monotone" dataKey="v" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <ChartKey severities={severities} band={chart.bands.length > 0} earlier={chart.earlier} />
    </div>
  );
}

function ChartKey({ severities, band, earlier }: { severities: FindingSeverity[]; band: boolean; earlier: number }) {
  if (severities.length === 0 && !band && earlier === 0) return null;
  return (
    <ul className="chart-key" aria-label="Chart key">
      {severities.map((s) => (
        <li key={s}>
          <span className="chart-key-line" style={{ background: SEVERITY_LOOK[s].colour }} aria-hidden="true" /> {SEVERITY_LOOK[s].label} finding started
        </li>
      ))}
      {band ? (
        <li>
          <span className="chart-key-band" aria-hidden="true" /> Expected range
        </li>
      ) : null}
      {earlier > 0 ? <li className="muted">{earlier === 1 ? "1 finding" : `${earlier} findings`} started before this range</li> : null}
    </ul>
  );
}
