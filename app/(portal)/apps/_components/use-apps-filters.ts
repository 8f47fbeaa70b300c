"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { AppFilter } from "@/lib/client/types";

const FILTERS: readonly AppFilter[] = ["all", "mine", "unowned"];

export interface AppsFilters {
  q: string;
  team: string;
  filter: AppFilter;
}

function fromParams(params: URLSearchParams): AppsFilters {
  const raw = params.get("filter");
  return {
    q: params.get("q") ?? "",
    team: params.get("team") ?? "",
    filter: FILTERS.find((f) => f === raw) ?? "all",
  };
}

/**
 * The list filters live in the URL so a filtered view can be shared and survives reloads.
 * A local copy answers controls immediately; the URL update (a transition) follows.
 */
export function useAppsFilters(): [AppsFilters, (patch: Partial<AppsFilters>) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = searchParams.toString();
  const [filters, setFilters] = useState<AppsFilters>(() => fromParams(new URLSearchParams(search)));

  // Back/forward or a link changed the URL: follow it.
  useEffect(() => {
    setFilters(fromParams(new URLSearchParams(search)));
  }, [search]);

  const update = useCallback(
    (patch: Partial<AppsFilters>) => {
      setFilters((current) => ({ ...current, ...patch }));
      const next = new URLSearchParams(search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === "" || value === undefined || (key === "filter" && value === "all")) next.delete(key);
        else next.set(key, value);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router, search],
  );

  return [filters, update];
}
