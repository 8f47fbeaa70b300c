"use client";

import { errorMessage } from "@/lib/client/api";

/** A failed load with a way out: the message and a Retry button. */
export function ErrorPanel({ title = "Something went wrong", error, onRetry }: { title?: string; error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
