// Every input a query depends on is part of its key.
export const grafanaKeys = {
  all: () => ["grafana"] as const,
  status: () => ["grafana", "status"] as const,
  appSync: (appId: string) => ["grafana", "app-sync", appId] as const,
};
