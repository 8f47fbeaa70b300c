"use client";

import { useEffect, useState } from "react";
import { useTeams } from "@/lib/client/use-teams";
import type { AppFilter } from "@/lib/client/types";
import type { AppsFilters } from "./use-apps-filters";

const FILTER_OPTIONS: { value: AppFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "mine", label: "Mine" },
  { value: "unowned", label: "Unowned" },
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
