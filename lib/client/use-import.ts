"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ImportResult } from "@/lib/import/run";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

/** POST /api/import: a dry run (preview) or the real thing. */
export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, dryRun }: { content: string; dryRun: boolean }) =>
      apiFetch<ImportResult>(`/api/import?dryRun=${dryRun}`, { method: "POST", body: { content } }),
    onSuccess: (result) => {
      if (!result.dryRun) void queryClient.invalidateQueries({ queryKey: queryKeys.apps.all() });
    },
  });
}
