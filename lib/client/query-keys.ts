import type { FindingStatus } from "./findings/types";
import type { AppFilter } from "./types";

// The one table of query keys. Every input a query depends on is part of its key, so caches never
// mix; per-app queries live under ["apps", …] so that any app change (claim, transfer, backup)
// can refresh them all, including who may edit.
export const queryKeys = {
  me: () => ["me"] as const,
  myFindings: () => ["me", "findings"] as const,
  teams: () => ["teams"] as const,
  escalation: (team: string) => ["teams", "escalation", team] as const,
  stewardship: (team: string) => ["teams", "stewardship", team] as const,
  users: (params: { q: string; team: string }) => ["users", params] as const,
  people: () => ["people"] as const,
  apps: {
    all: () => ["apps"] as const,
    lists: () => ["apps", "list"] as const,
    list: (params: { filter: AppFilter; team: string; q: string; limit: number; person?: string; finding?: string; sync?: string; sort?: string; level?: string }) =>
      ["apps", "list", params] as const,
    detail: (appId: string) => ["apps", "detail", appId] as const,
    audit: (appId: string) => ["apps", "audit", appId] as const,
    prediction: (appId: string) => ["apps", "prediction", appId] as const,
    silences: (appId: string) => ["apps", "silences", appId] as const,
    allFindings: () => ["apps", "findings"] as const,
    findings: (appId: string, params: { status: FindingStatus | "all"; limit: number }) => ["apps", "findings", appId, params] as const,
    thresholds: (appId: string) => ["apps", "thresholds", appId] as const,
    thresholdHistory: (appId: string) => ["apps", "thresholds", appId, "history"] as const,
    traffic: (appId: string, range: string) => ["apps", "traffic", appId, { range }] as const,
  },
  sessions: () => ["sessions"] as const,
  grafana: {
    all: () => ["grafana"] as const,
    status: () => ["grafana", "status"] as const,
    appSync: (appId: string) => ["grafana", "app-sync", appId] as const,
  },
};
