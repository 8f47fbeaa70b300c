"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "../api";
import { queryKeys } from "@/lib/client/query-keys";

export function useRetryGrafana() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: () => apiFetch<{ rearmed: number }>("/api/grafana/retry", { method: "POST" }),
    onSuccess: ({ rearmed }) =>
      toast.success(rearmed === 0 ? "No failed tasks to retry." : `${rearmed} task${rearmed === 1 ? "" : "s"} queued again; the next sync picks them up.`),
    onError: (error) => toast.error(`Could not retry: ${errorMessage(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.grafana.all() }),
  });
}
