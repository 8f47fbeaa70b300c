"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";

type Ack = { acknowledgedBy: { email: string; name: string }; acknowledgedAt: string };

// Acknowledge, take back, resolve by hand: each refreshes the app's findings and My apps.
export function useFindingActions(findingId: string) {
  const queryClient = useQueryClient();
  const settle = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.apps.allFindings() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.myFindings() }),
    ]);
  const path = `/api/findings/${encodeURIComponent(findingId)}`;
  return {
    acknowledge: useMutation({ mutationFn: () => apiFetch<Ack>(`${path}/ack`, { method: "POST" }), onSuccess: settle }),
    unacknowledge: useMutation({ mutationFn: (reason: string) => apiFetch(`${path}/ack`, { method: "DELETE", body: { reason } }), onSuccess: settle }),
    resolve: useMutation({ mutationFn: (reason: string) => apiFetch(`${path}/resolve`, { method: "POST", body: { reason } }), onSuccess: settle }),
  };
}
