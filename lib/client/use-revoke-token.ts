"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "./api";
import { queryKeys } from "./query-keys";
import type { ApiTokenSummary } from "./types";

/** Toasts live here, not in the row: the row unmounts as soon as the token is gone. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (token: { id: string; name: string }) =>
      apiFetch<void>(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" }),
    onSuccess: (_data, token) => {
      queryClient.setQueryData<ApiTokenSummary[]>(queryKeys.tokens(), (items) => items?.filter((t) => t.id !== token.id));
      toast.success(`Token “${token.name}” was revoked.`);
    },
    onError: (error, token) => toast.error(`Could not revoke “${token.name}”: ${errorMessage(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens() }),
  });
}
