"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { isApiError } from "@/lib/client/api";
import { CurrentUserProvider, type SessionUser } from "./current-user";
import { ToastProvider } from "./toast";

// A 401 means the session ended while the page was open: go back to sign-in, then return.
function redirectToLogin(error: unknown) {
  if (!isApiError(error, 401) || typeof window === "undefined") return;
  const next = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectToLogin }),
    mutationCache: new MutationCache({ onError: redirectToLogin }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => (isApiError(error) && error.status < 500 && error.status !== 0 ? false : failureCount < 2),
      },
    },
  });
}

export function Providers({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <CurrentUserProvider user={user}>
        <ToastProvider>{children}</ToastProvider>
      </CurrentUserProvider>
    </QueryClientProvider>
  );
}
