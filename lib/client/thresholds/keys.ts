// Under ["apps", …] so that any app change (transfer, backup) also refreshes who may edit.
export const thresholdKeys = {
  current: (appId: string) => ["apps", "thresholds", appId] as const,
  history: (appId: string) => ["apps", "thresholds", appId, "history"] as const,
};

// the threshold chart offers the two shorter ranges of lib/client/use-app-traffic.ts
export type TrafficRange = "24h" | "7d";
