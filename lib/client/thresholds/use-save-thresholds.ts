"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch } from "@/lib/client/api";
import type { ThresholdUpdateInput } from "@/lib/validation/thresholds";
import { settleThresholds } from "./settle";
import type { Thresholds } from "./types";
import { thresholdsPath } from "./use-thresholds";

/**
 * Saves the next version; `baseVersion` makes a save on top of a stale page fail with 409.
 * The toast is raised here, not by the form: the form remounts for the new version before a
 * callback passed to `mutate` could run.
 */
export function useSaveThresholds(appId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: ThresholdUpdateInput) =>
      apiFetch<{ thresholds: Thresholds; version: number }>(thresholdsPath(appId), { method: "PUT", body: input }).then((r) => r.thresholds),
    onSuccess: async (thresholds) => {
      toast.success(`Thresholds of ${appId} saved as version ${thresholds.version}.`);
      await settleThresholds(queryClient, appId, thresholds);
    },
  });
}
