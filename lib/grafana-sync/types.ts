// Shapes the sync worker reports and the admin API returns (plain data, shared with the browser).

export type SyncOutcome = "ok" | "retry" | "failed";

export interface OutboxTaskView {
  kind: string;
  subject: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

export interface DriftEntry {
  /** null for a rule that belongs to no app (a team's detection rule, or a rule of a deleted app). */
  appId: string | null;
  team: string | null;
  uid: string;
  kind: "missing" | "unexpected" | "changed";
  message: string;
  changes: { path: string; intended: unknown; live: unknown }[];
}

export interface AppDriftView {
  appId: string;
  diff: DriftEntry;
  detectedAt: string;
}

export interface GrafanaStatus {
  configured: boolean;
  pending: OutboxTaskView[];
  failed: OutboxTaskView[];
  /** Totals (the lists are capped). */
  counts: { pending: number; failed: number; drift: number };
  drift: AppDriftView[];
  lastSyncSuccess: string | null;
}

export interface DriftReport {
  configured: boolean;
  checkedAt: string;
  inSync: boolean;
  drift: DriftEntry[];
  /** True when a repair was requested (or GRAFANA_DRIFT_REPAIR=auto) and the drain ran. */
  repaired: boolean;
  repairErrors: string[];
}

export type AppSyncStateName = "synced" | "pending" | "failed" | "not_configured";

export interface AppSyncView {
  state: AppSyncStateName;
  lastError: string | null;
  syncedAt: string | null;
  drift: { diff: DriftEntry; detectedAt: string } | null;
}
