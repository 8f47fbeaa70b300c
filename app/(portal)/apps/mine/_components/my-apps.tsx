"use client";

import Link from "next/link";
import { useState } from "react";
import { useCurrentUser } from "@/components/current-user";
import { EmptyState } from "@/components/empty-state";
import { WorstFindingSelect } from "@/components/health-filters";
import { QueryBoundary } from "@/components/query-boundary";
import type { AppSummary } from "@/lib/client/types";
import { TableSkeleton } from "@/components/skeleton";
import { useApps } from "@/lib/client/use-apps";
import { MyAppsTable } from "./my-apps-table";

// "mine" is short for most people; one large page avoids a Load more for the common case.
const MY_APPS_LIMIT = 100;

export function MyApps() {
  const me = useCurrentUser();
  const [sort, setSort] = useState("appId");
  const [finding, setFinding] = useState("");
  const apps = useApps({ filter: "mine", team: "", q: "", limit: MY_APPS_LIMIT, sort, finding });

  return (
    <QueryBoundary query={apps} loading={<TableSkeleton label="Loading your apps" />} errorTitle="Your apps could not be loaded">
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        return <MyAppsView me={me} items={items} sort={sort} setSort={setSort} finding={finding} setFinding={setFinding} apps={apps} />;
      }}
    </QueryBoundary>
  );
}

function MyAppsView({ me, items, sort, setSort, finding, setFinding, apps }: {
  me: { email: string };
  items: AppSummary[];
  sort: string;
  setSort: (v: string) => void;
  finding: string;
  setFinding: (v: string) => void;
  apps: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const owned = items.filter((app) => app.owner?.email === me.email);
  const backing = items.filter((app) => app.backup?.email === me.email && app.owner?.email !== me.email);
  const onCall = items.filter((app) => app.responder?.email === me.email).length;

  return (
    <div className="stack-lg">
      <div className="stat-row">
        <Stat label="Apps I own" value={owned.length} />
        <Stat label="Apps I back up" value={backing.length} />
        <Stat label="I get paged for" value={onCall} />
      </div>
      <div className="toolbar">
        <WorstFindingSelect id="mine-finding" value={finding} onChange={setFinding} />
        <div className="field field-inline">
          <label htmlFor="mine-sort">Sort by</label>
          <select id="mine-sort" value={sort} onChange={(event) => setSort(event.target.value)}>
            <option value="appId">App id</option>
            <option value="finding">Worst finding</option>
            <option value="sync">Grafana sync</option>
          </select>
        </div>
      </div>
      <section aria-labelledby="owned-heading" className="stack">
        <h2 id="owned-heading">Apps I own</h2>
        {owned.length === 0 ? (
          <EmptyState title="You don't own any apps yet.">
            <Link href="/apps?filter=unowned">Find an unowned app to claim</Link>
          </EmptyState>
        ) : (
          <MyAppsTable apps={owned} caption="Apps I own" />
        )}
      </section>
      <section aria-labelledby="backing-heading" className="stack">
        <h2 id="backing-heading">Apps I back up</h2>
        {backing.length === 0 ? (
          <EmptyState title="You are not the backup for any app." />
        ) : (
          <MyAppsTable apps={backing} caption="Apps I back up" />
        )}
      </section>
      {apps.hasNextPage ? (
        <button type="button" className="button button-secondary" onClick={() => void apps.fetchNextPage()} disabled={apps.isFetchingNextPage}>
          {apps.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
