import { toPerson } from "@/lib/ownership/views";
import type { ThresholdSeverity } from "@/lib/validation/thresholds";
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

export function settingsOf(row: Omit<ThresholdRow, "author" | "createdAt" | "reason" | "version" | "rolledBackFrom">): ThresholdSettings {
  return {
    floorRps: row.floorRps,
    ceilingRps: row.ceilingRps,
    maxWeeklyDropPercent: row.maxWeeklyDropPercent,
    for: row.forDuration,
    severity: row.severity as ThresholdSeverity,
    enabled: row.enabled,
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
