"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { settleAppChange } from "./app-cache";
import type { AppDetail } from "./types";

export function useTransferApp(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { toEmail: string; reason: string }) =>
      apiFetch<{ app: AppDetail }>(`/api/apps/${encodeURIComponent(appId)}/transfer`, {
        method: "POST",
        body: input,
      }).then((r) => r.app),
    onSuccess: (app) => settleAppChange(queryClient, appId, app),
  });
}
