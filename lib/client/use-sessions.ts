"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { SignInSession } from "./types";

export function useSessions() {
  return useQuery({
    queryKey: queryKeys.sessions(),
    queryFn: ({ signal }) => apiFetch<{ items: SignInSession[] }>("/api/me/sessions", { signal }).then((r) => r.items),
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.sessions() }),
  });
}

/** Ends every session, this browser's too: the caller sends the person to sign-in. */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: () => apiFetch<{ ended: number }>("/api/me/sessions", { method: "DELETE" }),
  });
}
