"use client";

import Link from "next/link";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { EmptyState } from "@/components/empty-state";
import type { CoveragePoint, Overview, RiskCounts, RiskTeam } from "@/lib/client/types";

/** Mean time to acknowledge in words: "4 min", "1 h 20 min", or "—" when nothing was acknowledged. */
export function formatMtta(ms: number | null): string {
  if (ms === null) return "—";
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}

const appsLink = (team: string | null, filter: string) => {
  const p = new URLSearchParams();
  if (team) p.set("team", team);
  p.set("filter", filter);
  return `/apps?${p.toString()}`;
};

const levelLink = (team: string | null, level: string) => {
  const p = new URLSearchParams();
  if (team) p.set("team", team);
  p.set("level", level);
  return `/apps?${p.toString()}`;
};

type Column = { key: "alerting" | "alertingUnreachable" | "unowned" | "noThresholds" | "stale"; label: string; filter: string; words: string; tone?: "danger" | "warning" };

const COLUMNS: Column[] = [
  { key: "alerting", label: "Alerting now", filter: "alerting", words: "apps alerting now", tone: "warning" },
  { key: "alertingUnreachable", label: "…nobody reachable", filter: "alerting_unreachable", words: "alerting apps nobody can be reached for", tone: "danger" },
  { key: "unowned", label: "Unowned", filter: "unowned", words: "unowned apps", tone: "warning" },
  { key: "noThresholds", label: "Without thresholds", filter: "no_thresholds", words: "apps without thresholds", tone: "warning" },
  { key: "stale", label: "Stale", filter: "stale", words: "stale apps", tone: "warning" },
];

function RiskCells({ counts, team, teamName }: { counts: RiskCounts; team: string | null; teamName: string }) {
  return (
    <>
      {COLUMNS.map((c) => {
        const n = counts[c.key];
        return (
          <td key={c.key} className={`num${c.tone && n > 0 ? ` num-${c.tone}` : ""}`}>
            <Link href={appsLink(team, c.filter)} aria-label={`${n} ${c.words} in ${teamName}`}>
              {n}
            </Link>
          </td>
        );
      })}
      <td className="num" title={`${counts.acknowledged} acknowledged finding(s)`}>
        {formatMtta(counts.mttaMs)}
      </td>
      <td className="num">
        {(["gold", "silver", "bronze", "none"] as const).map((level, i) => (
          <span key={level}>
            {i > 0 ? " / " : null}
            <Link href={levelLink(team, level)} aria-label={`${counts.scorecard[level]} ${level === "none" ? "apps without a level" : `${level} apps`} in ${teamName}`}>
              {counts.scorecard[level]}
            </Link>
          </span>
        ))}
      </td>
    </>
  );
}

function RiskTable({ teams, totals, mttaDays }: { teams: RiskTeam[]; totals: RiskCounts; mttaDays: number }) {
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Risk by team">
        <caption className="visually-hidden">Risk by team, with totals; each number links to its apps</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="num">
                {c.label}
              </th>
            ))}
            <th scope="col" className="num">
              Time to ack ({mttaDays} d)
            </th>
            <th scope="col" className="num">
              Gold / silver / bronze / none
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.slug}>
              <th scope="row">
                {t.name}
                <span className="cell-sub">confirm every {t.confirmEveryDays} days</span>
              </th>
              <RiskCells counts={t} team={t.slug} teamName={t.name} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All teams</th>
            <RiskCells counts={totals} team={null} teamName="all teams" />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function CoverageChart({ points, label }: { points: CoveragePoint[]; label: string }) {
  if (points.length === 0) {
    return <EmptyState title="No coverage history yet">The portal records one snapshot per team each day; the chart fills in from then on.</EmptyState>;
  }
  return (
    <figure aria-label={label} style={{ margin: 0, width: "100%", height: 240 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 12, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="day" stroke="var(--text-muted)" fontSize={12} />
          <YAxis allowDecimals={false} width={40} stroke="var(--text-muted)" fontSize={12} />
          <Tooltip />
          <Legend />
          <Line type="monotone" dataKey="apps" name="Apps" stroke="var(--text-muted)" dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="owned" name="Owned" stroke="var(--accent)" dot={points.length < 3} isAnimationActive={false} />
          <Line type="monotone" dataKey="withBackup" name="With backup" stroke="var(--warning)" dot={points.length < 3} isAnimationActive={false} />
          <Line type="monotone" dataKey="reachable" name="Reachable" stroke="var(--success)" dot={points.length < 3} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

const rps = (v: number | null) => (v === null ? "no traffic" : `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} req/s`);

/** The lead's risk view: numbers per team that each link to their apps, busiest unowned apps, coverage over time, who answers. */
export function RiskView({ risk }: { risk: Overview["risk"] }) {
  const [chartTeam, setChartTeam] = useState("");
  const chart = chartTeam ? risk.teams.find((t) => t.slug === chartTeam)?.coverage ?? [] : risk.totals.coverage;
  return (
    <div className="stack-lg">
      <section className="stack" aria-labelledby="risk-heading">
        <h2 id="risk-heading">Risk</h2>
        <p className="muted">
          Alerting: an open, unsilenced finding. Stale: owned, but something says the ownership is no longer kept (see each app's Stewardship). Each number opens the apps behind it.
        </p>
        <RiskTable teams={risk.teams} totals={risk.totals} mttaDays={risk.windows.mttaDays} />
      </section>

      <section className="stack" aria-labelledby="unowned-heading">
        <h2 id="unowned-heading">Unowned apps with the most traffic</h2>
        {risk.totals.unownedByTraffic.length === 0 ? (
          <EmptyState title="Every app has an owner." />
        ) : (
          <ol className="stack-sm" aria-label="Unowned apps by recent traffic">
            {risk.totals.unownedByTraffic.map((a) => (
              <li key={a.appId}>
                <Link href={`/apps/${encodeURIComponent(a.appId)}`} className="app-id">
                  {a.appId}
                </Link>{" "}
                <span className="muted">
                  {a.team} · {rps(a.recentRps)} (mean of the last 7 days)
                </span>
              </li>
            ))}
          </ol>
        )}
        <Link href={appsLink(null, "unowned") + "&sort=traffic"}>All unowned apps, busiest first</Link>
      </section>

      <section className="stack" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">Coverage over the last {risk.windows.coverageDays} days</h2>
        <div className="toolbar">
          <div className="field field-inline">
            <label htmlFor="coverage-team">Team</label>
            <select id="coverage-team" value={chartTeam} onChange={(e) => setChartTeam(e.target.value)}>
              <option value="">All teams</option>
              {risk.teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CoverageChart points={chart} label="Apps owned, with backup and reachable per day" />
      </section>

      <section className="stack" aria-labelledby="people-heading">
        <h2 id="people-heading">Who answers for what</h2>
        {risk.people.length === 0 ? (
          <EmptyState title="Nobody owns or backs up an app yet." />
        ) : (
          <div className="table-wrap">
            <table className="data-table" aria-label="Who answers for what">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col" className="num">Owns</th>
                  <th scope="col" className="num">Backs up</th>
                  <th scope="col" className="num">Gets paged for now</th>
                </tr>
              </thead>
              <tbody>
                {risk.people.map((p) => (
                  <tr key={p.email}>
                    <th scope="row">
                      <Link href={`/apps?person=${encodeURIComponent(p.email)}`}>{p.name}</Link>
                      <span className="cell-sub">{p.email}</span>
                    </th>
                    <td className="num" title={p.owns.join(", ")}>{p.owns.length}</td>
                    <td className="num" title={p.backs.join(", ")}>{p.backs.length}</td>
                    <td className="num">{p.answersNow}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
