"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatRelative } from "@/lib/client/format";

const noSubscribe = () => () => undefined;

/**
 * A time in the reader's zone, for server-rendered pages: the server (which does not know the
 * reader's zone) renders the UTC time, the browser renders local time from hydration on — no
 * mismatch between the two, no flash of a wrong zone once hydrated.
 */
export function LocalTime({ iso, relative = false, empty = "never" }: { iso: string | null; relative?: boolean; empty?: string }) {
  const inBrowser = useSyncExternalStore(noSubscribe, () => true, () => false);
  if (!iso) return <>{empty}</>;
  const text = !inBrowser ? `${iso.slice(0, 16).replace("T", " ")} UTC` : relative ? formatRelative(iso) : formatDateTime(iso);
  return (
    <time dateTime={iso} title={inBrowser ? formatDateTime(iso) : undefined}>
      {text}
    </time>
  );
}
