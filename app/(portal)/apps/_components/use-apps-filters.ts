"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { AppFilter } from "@/lib/client/types";

const FILTERS: readonly AppFilter[] = ["all", "mine", "unowned"];

export interface AppsFilters {
  q: string;
  team: string;
  filter: AppFilter;
}

/** The list filters live in the URL so a filtered view can be shared and survives reloads. */
export function useAppsFilters(): [AppsFilters, (patch: Partial<AppsFilters>) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const rawFilter = searchParams.get("filter");
  const filters: AppsFilters = {
    q: searchParams.get("q") ?? "",
    team: searchParams.get("team") ?? "",
    filter: FILTERS.find((f) => f === rawFilter) ?? "all",
  };

  const update = useCallback(
    (patch: Partial<AppsFilters>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === "" || value === undefined || (key === "filter" && value === "all")) next.delete(key);
        else next.set(key, value);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  return [filters, update];
}
