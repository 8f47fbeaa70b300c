import { toPerson } from "@/lib/ownership/views";
import { isSeverity } from "@/lib/domain/enums";
import type { Thresholds } from "@/lib/detection/types";
import { parsePromDuration } from "@/lib/grafana/duration";
import { diffThresholds } from "./diff";
import type { ThresholdSettings } from "./types";

/** A ThresholdVersion row with its author, as Prisma returns it. */
export type ThresholdRow = {
  version: number;
  floorRps: number;
  ceilingRps: number | null;
  maxWeeklyDropPercent: number | null;
  forDuration: string;
  severity: string;
  enabled: boolean;
  reason: string;
  rolledBackFrom: number | null;
  createdAt: Date;
  author: { email: string; name: string } | null;
};

export const authorInclude = { author: { select: { email: true, name: true } } } as const;

/** The setting columns of a threshold version. */
export type ThresholdColumns = Pick<ThresholdRow, "floorRps" | "ceilingRps" | "maxWeeklyDropPercent" | "forDuration" | "severity" | "enabled">;

// The two converters every reader uses: a stored version → its settings (the API, Grafana, the
// rules file), and settings → what the detector evaluates (detection, the dry run).

/** A stored version's settings; a severity the schema never wrote reads as "warning". */
export function settingsOf(row: ThresholdColumns): ThresholdSettings {
  return {
    floorRps: row.floorRps,
    ceilingRps: row.ceilingRps,
    maxWeeklyDropPercent: row.maxWeeklyDropPercent,
    for: row.forDuration,
    severity: isSeverity(row.severity) ? row.severity : "warning",
    enabled: row.enabled,
  };
}

/** The detector's thresholds (`for` in seconds); null while alerting is off or `for` is unreadable. */
export function detectionThresholds(s: {
  floorRps: number;
  ceilingRps?: number | null;
  maxWeeklyDropPercent?: number | null;
  for: string;
  enabled?: boolean;
}): Thresholds | null {
  const forMs = parsePromDuration(s.for);
  if (s.enabled === false || forMs === null) return null;
  return {
    floorRps: s.floorRps,
    ...(s.ceilingRps != null ? { ceilingRps: s.ceilingRps } : {}),
    ...(s.maxWeeklyDropPercent != null ? { maxWeeklyDropPercent: s.maxWeeklyDropPercent } : {}),
    forSeconds: forMs / 1000,
  };
}

export function thresholdView(row: ThresholdRow) {
  return {
    version: row.version,
    ...settingsOf(row),
    reason: row.reason,
    author: toPerson(row.author),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Versions newest first, each with what it changed against the one before it. */
export function historyView(rows: ThresholdRow[]) {
  const sorted = [...rows].sort((a, b) => b.version - a.version);
  return sorted.map((row, i) => {
    const previous = sorted[i + 1];
    return {
      ...thresholdView(row),
      rolledBackFrom: row.rolledBackFrom,
      diff: diffThresholds(previous ? settingsOf(previous) : null, settingsOf(row)),
    };
  });
}

export type ThresholdView = ReturnType<typeof thresholdView>;
export type ThresholdHistoryItem = ReturnType<typeof historyView>[number];
