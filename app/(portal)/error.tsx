"use client";

import { SegmentError } from "@/components/segment-error";

export default function PortalError({ error, reset }: { error: unknown; reset: () => void }) {
  return <SegmentError error={error} reset={reset} title="This page could not be shown" />;
}
