"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { settleAppChange } from "./app-cache";
import type { AppDetail } from "./types";

export interface RegisterAppInput {
  appId: string;
  name: string;
  team: string;
  description?: string;
}

export function useRegisterApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterAppInput) =>
      apiFetch<{ app: AppDetail }>("/api/apps", { method: "POST", body: input }).then((r) => r.app),
    onSuccess: (app) => settleAppChange(queryClient, app.appId, app),
  });
}
