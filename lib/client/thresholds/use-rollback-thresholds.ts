"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { settleThresholds } from "./settle";
import type { Thresholds, ThresholdVersion } from "./types";
import { thresholdsPath } from "./use-thresholds";

/**
 * Restores an earlier version. The history shows the restoring version straight away; if the
 * server refuses (403, 409 someone else saved first) the history rolls back and a toast says why.
 */
export function useRollbackThresholds(appId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch<{ thresholds: Thresholds; version: number }>(`${thresholdsPath(appId)}/rollback`, { method: "POST", body: { version } }).then(
        (r) => r.thresholds,
      ),
    onMutate: async (version) => {
      const key = queryKeys.apps.thresholdHistory(appId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ThresholdVersion[]>(key);
      const target = previous?.find((v) => v.version === version);
      const latest = previous?.[0];
      if (previous && target && latest) {
        const optimistic: ThresholdVersion = {
          ...target,
          version: latest.version + 1,
          reason: `Rolled back to version ${version}`,
          author: null,
          createdAt: new Date().toISOString(),
          rolledBackFrom: version,
          diff: [],
        };
        queryClient.setQueryData<ThresholdVersion[]>(key, [optimistic, ...previous]);
      }
      return { previous };
    },
    onError: (error, version, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.apps.thresholdHistory(appId), context.previous);
      toast.error(`Could not roll back to version ${version}: ${errorMessage(error)}`);
    },
    onSuccess: async (thresholds, version) => {
      toast.success(`Thresholds of ${appId} rolled back to version ${version} (now version ${thresholds.version}).`);
      await settleThresholds(queryClient, appId, thresholds);
    },
  });
}
