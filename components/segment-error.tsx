"use client";

import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { useEffect } from "react";
import { ErrorPanel } from "./error-panel";

/** Body of every error.tsx: Retry clears failed queries, then re-renders the segment. */
export function SegmentError({ error, reset, title }: { error: unknown; reset: () => void; title?: string }) {
  const queryReset = useQueryErrorResetBoundary();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorPanel
      title={title}
      error={error}
      onRetry={() => {
        queryReset.reset();
        reset();
      }}
    />
  );
}
