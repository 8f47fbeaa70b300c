"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { AuditEvent } from "./types";

export function useAppAudit(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.audit(appId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: AuditEvent[] }>(`/api/apps/${encodeURIComponent(appId)}/audit`, { signal }).then((r) =>
        // Newest first, whatever order the server used.
        [...r.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      ),
  });
}
