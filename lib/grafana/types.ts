// Grafana provisioning API shapes (the subset the portal sends and reads), mirroring the
// definitions of the same name in Grafana 11.4's Swagger spec, plus the portal-side inputs
// the builders turn into them.

export type NoDataState = "Alerting" | "NoData" | "OK";
export type ExecErrState = "OK" | "Alerting" | "Error";

export interface RelativeTimeRange {
  /** Seconds before now. */
  from: number;
  to: number;
}

export interface AlertQuery {
  refId: string;
  queryType?: string;
  relativeTimeRange: RelativeTimeRange;
  datasourceUid: string;
  model: Record<string, unknown>;
}

export interface NotificationSettings {
  receiver: string;
  group_by?: string[];
}

export interface ProvisionedAlertRule {
  id?: number;
  uid?: string;
  orgID: number;
  folderUID: string;
  ruleGroup: string;
  title: string;
  condition: string;
  data: AlertQuery[];
  noDataState: NoDataState;
  execErrState: ExecErrState;
  /** Prometheus duration string, e.g. "5m". */
  for: string;
  isPaused?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  notification_settings?: NotificationSettings;
  /** Server-filled. */
  updated?: string;
  /** Server-filled: "api" or "" (none). */
  provenance?: string;
}

export interface AlertRuleGroup {
  title: string;
  folderUid: string;
  /** Evaluation interval in seconds; a positive multiple of 10. */
  interval: number;
  /** Present: replaces every rule of the group. Omitted: only the interval changes. */
  rules?: ProvisionedAlertRule[];
}

export interface FolderBody {
  uid: string;
  title: string;
  parentUid?: string;
}

export interface Folder {
  uid: string;
  title: string;
  id?: number;
  url?: string;
}

export type ContactPointType = "email" | "webhook";

export interface EmbeddedContactPoint {
  uid?: string;
  name: string;
  type: ContactPointType | (string & {});
  settings: Record<string, unknown>;
  disableResolveMessage?: boolean;
  provenance?: string;
}

/** `[label, operator, value]`, operator one of `=`, `!=`, `=~`, `!~`. */
export type ObjectMatcher = [string, "=" | "!=" | "=~" | "!~", string];

export interface Route {
  receiver?: string;
  group_by?: string[];
  object_matchers?: ObjectMatcher[];
  continue?: boolean;
  group_wait?: string;
  group_interval?: string;
  repeat_interval?: string;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: Route[];
  provenance?: string;
  [extra: string]: unknown;
}

// ---- portal side -------------------------------------------------------------------

export type { Severity } from "@/lib/domain/enums";
import type { Severity } from "@/lib/domain/enums";

/** An app's traffic thresholds as owners set them in the portal. */
export interface Thresholds {
  floorRps: number;
  ceilingRps?: number | null;
  maxWeeklyDropPercent?: number | null;
  /** Prometheus duration, e.g. "5m". */
  for: string;
  severity: Severity;
  enabled: boolean;
}

/** Desired state of one app, as the ownership/threshold tables describe it. */
export interface AppAlertInput {
  appId: string;
  team: string;
  /** Email of the owner; null while unclaimed. */
  owner: string | null;
  /** Email of the responder (owner, or backup while the owner is away); null if nobody. */
  responder: string | null;
  thresholds: Thresholds;
  /** An active silence of the app: its rule is paused for the window (docs/oncall.md). */
  silenced?: boolean;
}

/** How a person wants to be notified (from their profile). */
export type PersonChannel =
  | { kind: "email"; address: string }
  | { kind: "webhook"; url: string; bearerToken?: string };

export interface PersonContact {
  /** The person's email: their identity in labels and routes. */
  email: string;
  displayName?: string;
  channel: PersonChannel;
}
