"use client";

import type { ReactNode } from "react";
import { ErrorPanel } from "@/components/error-panel";

/**
 * The one "pending → skeleton, error → retry panel, else the data" block: every section that loads
 * one query renders through it, so loading and failure look and behave the same everywhere.
 */
export function QueryBoundary<T>({
  query,
  loading,
  errorTitle,
  children,
}: {
  /** A useQuery or useInfiniteQuery result. */
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  /** Shown while the first answer is awaited (a skeleton of the same shape). */
  loading: ReactNode;
  /** Heading of the error panel, e.g. "Tokens could not be loaded". */
  errorTitle: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <>{loading}</>;
  if (query.isError) return <ErrorPanel title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data as T)}</>;
}
