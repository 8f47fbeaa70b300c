"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { FINDINGS_POLL_MS } from "./constants";
import type { MyFinding } from "./types";

/** Open findings of the apps I own or back up, newest first. */
export function useMyFindings() {
  return useQuery({
    queryKey: queryKeys.myFindings(),
    queryFn: ({ signal }) => apiFetch<{ items: MyFinding[] }>("/api/me/findings", { signal }).then((r) => r.items),
    refetchInterval: FINDINGS_POLL_MS,
  });
}
