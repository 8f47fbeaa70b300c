"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "./api";
import type { CreatedApiToken, TokenScope } from "./types";

/** The token list is server-rendered: after a create the route is refreshed to read it again. */
export function useCreateToken() {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: { name: string; scopes: TokenScope[]; team?: string | null }) => apiFetch<CreatedApiToken>("/api/tokens", { method: "POST", body: input }),
    onSettled: () => router.refresh(),
  });
}
