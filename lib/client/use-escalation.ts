"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EscalationView } from "@/lib/notify/escalation-store";
import type { EscalationPolicyInput } from "@/lib/validation/oncall";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

const path = (team: string) => `/api/teams/${encodeURIComponent(team)}/escalation`;

export function useEscalation(team: string) {
  return useQuery({ queryKey: queryKeys.escalation(team), queryFn: ({ signal }) => apiFetch<EscalationView>(path(team), { signal }) });
}

export function useSaveEscalation(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationPolicyInput) => apiFetch<EscalationView>(path(team), { method: "PUT", body: input }),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.escalation(team), view),
  });
}
