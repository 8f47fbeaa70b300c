"use client";

import { useEffect, useState } from "react";
import { SyncSelect, WorstFindingSelect } from "@/components/health-filters";
import { useTeams } from "@/lib/client/use-teams";
import type { AppFilter } from "@/lib/client/types";
import type { AppsFilters } from "./use-apps-filters";

const FILTER_OPTIONS: { value: AppFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "mine", label: "Mine" },
  { value: "unowned", label: "Unowned" },
];

// The lead's risk view links here with these; they are a select so the bar stays short.
const STEWARDSHIP_OPTIONS: { value: AppFilter; label: string }[] = [
  { value: "stale", label: "Stale" },
  { value: "not_confirmed", label: "Due for confirmation" },
  { value: "no_thresholds", label: "Without thresholds" },
  { value: "alerting", label: "Alerting now" },
  { value: "alerting_unreachable", label: "Alerting, nobody reachable" },
];

// Typing should not fire a request per keystroke; the URL (and query) follows after a pause.
const SEARCH_DEBOUNCE_MS = 250;

export function AppsFiltersBar({ filters, onChange }: { filters: AppsFilters; onChange: (patch: Partial<AppsFilters>) => void }) {
  const teams = useTeams();
  const [q, setQ] = useState(filters.q);

  useEffect(() => {
    if (q === filters.q) return;
    const timer = window.setTimeout(() => onChange({ q }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters.q, onChange]);

  return (
    <div className="toolbar" role="search">
      <div className="field field-inline field-grow">
        <label htmlFor="apps-q">Search</label>
        <input
          id="apps-q"
          type="search"
          placeholder="App id or name"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="field field-inline">
        <label htmlFor="apps-team">Team</label>
        <select id="apps-team" value={filters.team} onChange={(event) => onChange({ team: event.target.value })}>
          <option value="">All teams</option>
          {(teams.data ?? []).map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="apps-stewardship">Needs attention</label>
        <select
          id="apps-stewardship"
          value={STEWARDSHIP_OPTIONS.some((o) => o.value === filters.filter) ? filters.filter : ""}
          onChange={(event) => onChange({ filter: (event.target.value || "all") as AppFilter })}
        >
          <option value="">—</option>
          {STEWARDSHIP_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <WorstFindingSelect id="apps-finding" value={filters.finding} onChange={(finding) => onChange({ finding })} />
      <SyncSelect id="apps-sync" value={filters.sync} onChange={(sync) => onChange({ sync })} />
      <div className="field field-inline">
        <label htmlFor="apps-level">Scorecard</label>
        <select id="apps-level" value={filters.level} onChange={(event) => onChange({ level: event.target.value })}>
          <option value="">Any level</option>
          <option value="gold">Gold</option>
          <option value="silver">Silver</option>
          <option value="bronze">Bronze</option>
          <option value="none">No level</option>
        </select>
      </div>
      <div className="field field-inline">
        <label htmlFor="apps-sort">Sort by</label>
        <select id="apps-sort" value={filters.sort} onChange={(event) => onChange({ sort: event.target.value as AppsFilters["sort"] })}>
          <option value="appId">App id</option>
          <option value="finding">Worst finding</option>
          <option value="sync">Grafana sync</option>
          <option value="traffic">Recent traffic</option>
        </select>
      </div>
      {filters.person ? (
        <button type="button" className="button button-secondary" onClick={() => onChange({ person: "" })}>
          Answered for by {filters.person} ✕
        </button>
      ) : null}
      <fieldset className="segmented">
        <legend>Show</legend>
        {FILTER_OPTIONS.map((option) => (
          <label key={option.value} className={filters.filter === option.value ? "is-selected" : undefined}>
            <input
              type="radio"
              name="apps-filter"
              value={option.value}
              checked={filters.filter === option.value}
              onChange={() => onChange({ filter: option.value })}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
