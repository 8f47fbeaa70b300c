"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { ThresholdUpdateInput } from "@/lib/validation/thresholds";
import { settleThresholds } from "./settle";
import type { Thresholds } from "./types";
import { thresholdsPath } from "./use-thresholds";

/** Saves the next version; `baseVersion` makes a save on top of a stale page fail with 409. */
export function useSaveThresholds(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ThresholdUpdateInput) =>
      apiFetch<{ thresholds: Thresholds; version: number }>(thresholdsPath(appId), { method: "PUT", body: input }).then((r) => r.thresholds),
    onSuccess: (thresholds) => settleThresholds(queryClient, appId, thresholds),
  });
}
