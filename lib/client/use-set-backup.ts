"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { settleAppChange } from "./app-cache";
import type { AppDetail } from "./types";

/** email null clears the backup. */
export function useSetBackup(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string | null }) =>
      apiFetch<{ app: AppDetail }>(`/api/apps/${encodeURIComponent(appId)}/backup`, {
        method: "PUT",
        body: input,
      }).then((r) => r.app),
    onSuccess: (app) => settleAppChange(queryClient, appId, app),
  });
}
