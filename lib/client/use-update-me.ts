"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Me } from "./types";

export interface UpdateMeInput {
  name?: string;
  notifyEmail?: string | null;
  notifyWebhook?: string | null;
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeInput) =>
      apiFetch<{ user: Me }>("/api/me", { method: "PATCH", body: input }).then((r) => r.user),
    onSuccess: (user) => queryClient.setQueryData(queryKeys.me(), user),
  });
}
