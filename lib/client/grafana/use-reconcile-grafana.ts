"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "../api";
import { queryKeys } from "@/lib/client/query-keys";
import type { DriftReport } from "./types";

/** Compare Grafana with the portal; `repair` also pushes the portal's state back. */
export function useReconcileGrafana() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: { repair: boolean }) => apiFetch<DriftReport>("/api/grafana/reconcile", { method: "POST", body: input }),
    onSuccess: (report) => {
      if (report.inSync) toast.success("Grafana matches the portal.");
      else if (report.repaired && report.repairErrors.length === 0) toast.success(`${report.drift.length} difference(s) found and repaired.`);
      else if (report.repaired) toast.error(`Repair incomplete: ${report.repairErrors[0] ?? "see failed tasks"}`);
      else toast.show(`${report.drift.length} difference(s) between Grafana and the portal.`);
    },
    onError: (error) => toast.error(`Reconcile failed: ${errorMessage(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.grafana.all() }),
  });
}
