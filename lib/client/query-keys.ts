import type { AppFilter } from "./types";

// Every input a query depends on is part of its key, so caches never mix.
export const queryKeys = {
  me: () => ["me"] as const,
  teams: () => ["teams"] as const,
  escalation: (team: string) => ["teams", "escalation", team] as const,
  users: (params: { q: string; team: string }) => ["users", params] as const,
  apps: {
    all: () => ["apps"] as const,
    lists: () => ["apps", "list"] as const,
    list: (params: { filter: AppFilter; team: string; q: string; limit: number }) =>
      ["apps", "list", params] as const,
    detail: (appId: string) => ["apps", "detail", appId] as const,
    audit: (appId: string) => ["apps", "audit", appId] as const,
    silences: (appId: string) => ["apps", "silences", appId] as const,
  },
  overview: () => ["overview"] as const,
  tokens: () => ["tokens"] as const,
  sessions: () => ["sessions"] as const,
};
