// Pure wording for thresholds: field names, values and firing times as people read them.
import type { Firing, SettingField, ThresholdChange } from "./types";

export const FIELD_LABELS: Record<SettingField, string> = {
  floorRps: "Floor",
  ceilingRps: "Ceiling",
  maxWeeklyDropPercent: "Max weekly drop",
  for: "For",
  severity: "Severity",
  enabled: "Alerting",
};

export function describeSetting(field: SettingField, value: ThresholdChange["from"]): string {
  if (value === null || value === undefined) return "none";
  if (field === "floorRps" || field === "ceilingRps") return `${value} req/s`;
  if (field === "maxWeeklyDropPercent") return `${value}%`;
  if (field === "enabled") return value ? "on" : "paused";
  return String(value);
}

export const REASON_LABELS: Record<Firing["reason"], string> = {
  floor: "below the floor",
  ceiling: "above the ceiling",
  weeklyDrop: "dropped versus last week",
};

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 48) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}
