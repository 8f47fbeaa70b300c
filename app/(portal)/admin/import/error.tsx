"use client";

import { SegmentError } from "@/components/segment-error";

export default function ErrorBoundary({ error, reset }: { error: unknown; reset: () => void }) {
  return <SegmentError error={error} reset={reset} title="The import page could not be loaded" />;
}
