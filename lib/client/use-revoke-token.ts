"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useToast } from "@/components/toast";
import { apiFetch, errorMessage } from "./api";

/** Toasts live here, not in the row: the row unmounts as soon as the token is gone. The list is
 * server-rendered, so the route is refreshed to read it again. */
export function useRevokeToken() {
  const router = useRouter();
  const toast = useToast();
  return useMutation({
    mutationFn: (token: { id: string; name: string }) =>
      apiFetch<void>(`/api/tokens/${encodeURIComponent(token.id)}`, { method: "DELETE" }),
    onSuccess: (_data, token) => toast.success(`Token “${token.name}” was revoked.`),
    onError: (error, token) => toast.error(`Could not revoke “${token.name}”: ${errorMessage(error)}`),
    onSettled: () => router.refresh(),
  });
}
