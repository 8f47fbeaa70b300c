"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { ThresholdDryRunInput } from "@/lib/validation/thresholds";
import type { DryRunResult } from "./types";
import { thresholdsPath } from "./use-thresholds";

/** "How often would these thresholds have fired over the last 7 days?" — nothing is saved. */
export function useDryRun(appId: string) {
  return useMutation({
    mutationFn: (input: ThresholdDryRunInput) =>
      apiFetch<DryRunResult>(`${thresholdsPath(appId)}/dry-run`, { method: "POST", body: input }),
  });
}
