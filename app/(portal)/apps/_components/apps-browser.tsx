"use client";

import { EmptyState } from "@/components/empty-state";
import { ErrorPanel } from "@/components/error-panel";
import { TableSkeleton } from "@/components/skeleton";
import { useApps } from "@/lib/client/use-apps";
import { AppsFiltersBar } from "./apps-filters-bar";
import { AppsTable } from "./apps-table";
import { useAppsFilters } from "./use-apps-filters";

export function AppsBrowser() {
  const [filters, setFilters] = useAppsFilters();
  const apps = useApps(filters);
  const items = apps.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="stack" aria-label="Apps">
      <AppsFiltersBar filters={filters} onChange={setFilters} />
      {apps.isPending ? (
        <TableSkeleton label="Loading apps" columns={9} />
      ) : apps.isError && items.length === 0 ? (
        <ErrorPanel title="Apps could not be loaded" error={apps.error} onRetry={() => void apps.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No apps match these filters">Try another search or team, or show all apps.</EmptyState>
      ) : (
        <>
          <AppsTable apps={items} busy={apps.isPlaceholderData} />
          <div className="table-footer">
            <p className="muted" aria-live="polite">
              Showing {items.length} {items.length === 1 ? "app" : "apps"}
              {apps.hasNextPage ? " (more available)" : ""}
            </p>
            {apps.hasNextPage ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void apps.fetchNextPage()}
                disabled={apps.isFetchingNextPage}
              >
                {apps.isFetchingNextPage ? "Loading…" : "Load more"}
              </button>
            ) : null}
          </div>
          {apps.isFetchNextPageError ? <ErrorPanel title="More apps could not be loaded" error={apps.error} /> : null}
        </>
      )}
    </section>
  );
}
