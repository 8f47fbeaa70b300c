"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import type { EscalationView } from "@/lib/notify/escalation-store";
import type { EscalationPolicyInput } from "@/lib/validation/oncall";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

const path = (team: string) => `/api/teams/${encodeURIComponent(team)}/escalation`;

export function useEscalation(team: string) {
  return useQuery({ queryKey: queryKeys.escalation(team), queryFn: ({ signal }) => apiFetch<EscalationView>(path(team), { signal }) });
}

/** The toast is raised here, not by the form: the form remounts for the saved policy. */
export function useSaveEscalation(team: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (input: EscalationPolicyInput) => apiFetch<EscalationView>(path(team), { method: "PUT", body: input }),
    onSuccess: (view) => {
      queryClient.setQueryData(queryKeys.escalation(team), view);
      toast.success("Escalation policy saved");
    },
  });
}
