"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AppFilter, AppSort } from "@/lib/client/types";

const FILTERS: readonly AppFilter[] = ["all", "mine", "unowned", "stale", "no_thresholds", "alerting", "alerting_unreachable", "not_confirmed"];
const SORTS: readonly AppSort[] = ["appId", "finding", "sync", "traffic"];
const FINDINGS = ["critical", "warning", "info", "any", "none"] as const;
const SYNCS = ["synced", "pending", "failed", "not_configured"] as const;
const LEVELS = ["gold", "silver", "bronze", "none"] as const;

export interface AppsFilters {
  q: string;
  team: string;
  filter: AppFilter;
  /** owner or backup (the overview's "who answers for what") */
  person: string;
  /** worst open finding: a severity, any or none; "" = no filter */
  finding: string;
  /** Grafana sync state; "" = no filter */
  sync: string;
  sort: AppSort;
  /** scorecard level; "" = no filter */
  level: string;
}

function fromSearch(search: string): AppsFilters {
  const params = new URLSearchParams(search);
  const raw = params.get("filter");
  return {
    q: params.get("q") ?? "",
    team: params.get("team") ?? "",
    filter: FILTERS.find((f) => f === raw) ?? "all",
    person: params.get("person") ?? "",
    finding: FINDINGS.find((f) => f === params.get("finding")) ?? "",
    sync: SYNCS.find((f) => f === params.get("sync")) ?? "",
    sort: SORTS.find((f) => f === params.get("sort")) ?? "appId",
    level: LEVELS.find((f) => f === params.get("level")) ?? "",
  };
}

function toSearch(filters: AppsFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.team) params.set("team", filters.team);
  if (filters.filter !== "all") params.set("filter", filters.filter);
  if (filters.person) params.set("person", filters.person);
  if (filters.finding) params.set("finding", filters.finding);
  if (filters.sync) params.set("sync", filters.sync);
  if (filters.sort !== "appId") params.set("sort", filters.sort);
  if (filters.level) params.set("level", filters.level);
  return params.toString();
}

/**
 * The list filters live in the URL so a filtered view can be shared and survives reloads.
 * Local state answers the controls at once; URL writes are transitions that land later, so
 * each write is built from the latest local state (never from a URL that has not caught up),
 * and our own writes landing are not mistaken for navigation.
 */
export function useAppsFilters(): [AppsFilters, (patch: Partial<AppsFilters>) => void] {
  const search = useSearchParams().toString();
  const router = useRouter();
  const pathname = usePathname();
  const [filters, setFilters] = useState<AppsFilters>(() => fromSearch(search));
  const latest = useRef(filters);
  const pendingWrites = useRef<string[]>([]);

  useEffect(() => {
    const own = pendingWrites.current.indexOf(search);
    if (own !== -1) {
      pendingWrites.current = pendingWrites.current.slice(own + 1);
      return;
    }
    // Back/forward or a link changed the URL: follow it.
    const next = fromSearch(search);
    latest.current = next;
    setFilters(next);
  }, [search]);

  const update = useCallback(
    (patch: Partial<AppsFilters>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setFilters(next);
      const qs = toSearch(next);
      pendingWrites.current.push(qs);
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router],
  );

  return [filters, update];
}
