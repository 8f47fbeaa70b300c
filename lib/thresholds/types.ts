import type { ThresholdSeverity } from "@/lib/validation/thresholds";

/** The settings of one threshold version, as the API and the diff see them. */
export type ThresholdSettings = {
  floorRps: number;
  ceilingRps: number | null;
  maxWeeklyDropPercent: number | null;
  for: string;
  severity: ThresholdSeverity;
  enabled: boolean;
};

export const SETTING_FIELDS = ["floorRps", "ceilingRps", "maxWeeklyDropPercent", "for", "severity", "enabled"] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];

export type ThresholdChange = {
  field: SettingField;
  from: ThresholdSettings[SettingField] | null;
  to: ThresholdSettings[SettingField] | null;
};
