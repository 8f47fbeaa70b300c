// Shapes returned by the thresholds API (app/api/apps/[appId]/thresholds/**).
import type { Person } from "@/lib/client/types";

// the settings shape is shared with the server (lib/thresholds/types.ts is type-only and pure)
import type { ThresholdSettings } from "@/lib/thresholds/types";
export type { ThresholdSettings };

export interface Thresholds extends ThresholdSettings {
  version: number;
  reason: string;
  author: Person | null;
  createdAt: string;
}

export interface CurrentThresholds {
  thresholds: Thresholds | null;
  canEdit: boolean;
}

export type SettingField = keyof ThresholdSettings;

export interface ThresholdChange {
  field: SettingField;
  from: ThresholdSettings[SettingField] | null;
  to: ThresholdSettings[SettingField] | null;
}

export interface ThresholdVersion extends Thresholds {
  rolledBackFrom: number | null;
  diff: ThresholdChange[];
}

export interface Firing {
  /** Epoch ms. */
  start: number;
  end: number;
  ongoing: boolean;
  reason: "floor" | "ceiling" | "weeklyDrop";
}

export interface DryRunResult {
  wouldFire: boolean;
  firings: Firing[];
  window: { from: number; to: number };
  samples: number;
}

export interface TrafficPoint {
  /** Epoch ms. */
  t: number;
  /** Requests per second. */
  v: number;
}

// the threshold chart offers the two shorter ranges of lib/client/use-app-traffic.ts
export type TrafficRange = "24h" | "7d";
