"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "./api";
import { patchAppInLists, restoreApp, settleAppChange, snapshotApp } from "./app-cache";
import { queryKeys } from "./query-keys";
import type { AppDetail, Person } from "./types";

/**
 * Claim an unowned app. The lists show me as owner straight away; if the server says no
 * (someone else was faster: 409 already_owned) the lists roll back and a toast says why.
 */
export function useClaimApp(me: Person & { away?: boolean }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (appId: string) =>
      apiFetch<{ app: AppDetail }>(`/api/apps/${encodeURIComponent(appId)}/claim`, { method: "POST" }).then(
        (r) => r.app,
      ),
    onMutate: async (appId) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.apps.all() });
      const snapshot = snapshotApp(queryClient, appId);
      const owner = { email: me.email, name: me.name };
      patchAppInLists(queryClient, appId, (app) => ({
        ...app,
        owner,
        responder: me.away ? app.backup : owner,
        ownerAway: me.away ?? false,
      }));
      return { snapshot };
    },
    onError: (error, appId, context) => {
      if (context) restoreApp(queryClient, appId, context.snapshot);
      toast.error(`Could not claim ${appId}: ${errorMessage(error)}`);
    },
    onSuccess: (app) => {
      toast.success(`You now own ${app.appId}.`);
    },
    onSettled: (app, _error, appId) => settleAppChange(queryClient, appId, app),
  });
}
