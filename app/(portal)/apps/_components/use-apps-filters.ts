"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AppFilter } from "@/lib/client/types";

const FILTERS: readonly AppFilter[] = ["all", "mine", "unowned"];

export interface AppsFilters {
  q: string;
  team: string;
  filter: AppFilter;
}

function fromSearch(search: string): AppsFilters {
  const params = new URLSearchParams(search);
  const raw = params.get("filter");
  return {
    q: params.get("q") ?? "",
    team: params.get("team") ?? "",
    filter: FILTERS.find((f) => f === raw) ?? "all",
  };
}

function toSearch(filters: AppsFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.team) params.set("team", filters.team);
  if (filters.filter !== "all") params.set("filter", filters.filter);
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
