// Shapes of /api/grafana/* and /api/apps/:appId/sync, as the worker defines them.
export type {
  AppDriftView, AppSyncStateName, AppSyncView, DriftEntry, DriftReport, GrafanaStatus, OutboxTaskView,
} from "@/lib/grafana-sync/types";
