"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Me } from "./types";

/** awayUntil null means "I am back now". */
export interface AvailabilityInput {
  awayFrom?: string | null;
  awayUntil: string | null;
}

export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AvailabilityInput) =>
      apiFetch<{ user: Me }>("/api/me/availability", { method: "PUT", body: input }).then((r) => r.user),
    onSuccess: async (user) => {
      queryClient.setQueryData(queryKeys.me(), user);
      // Who gets paged depends on my availability, so every app view may be stale now.
      await queryClient.invalidateQueries({ queryKey: queryKeys.apps.all() });
    },
  });
}
