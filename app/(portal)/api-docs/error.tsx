"use client";

import { SegmentError } from "@/components/segment-error";

export default function ErrorBoundary({ error, reset }: { error: unknown; reset: () => void }) {
  return <SegmentError error={error} reset={reset} title="The API description could not be loaded" />;
}
