// Under ["apps", …] so that any app change (transfer, backup) also refreshes who may edit.
export const thresholdKeys = {
  current: (appId: string) => ["apps", "thresholds", appId] as const,
  history: (appId: string) => ["apps", "thresholds", appId, "history"] as const,
  traffic: (appId: string, range: TrafficRange) => ["apps", "traffic", appId, { range }] as const,
};

export const TRAFFIC_RANGES = { "24h": { ms: 86_400_000, stepSeconds: 300 }, "7d": { ms: 7 * 86_400_000, stepSeconds: 3600 } } as const;
export type TrafficRange = keyof typeof TRAFFIC_RANGES;
