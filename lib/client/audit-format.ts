// Pure helpers that turn audit events into readable lines (no React, no Next).

import type { AuditAction } from "@/lib/ownership/audit";
import { formatDateTime } from "./format";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Every action the server writes (lib/ownership/audit): a new one fails the typecheck here.
const ACTION_LABELS: Record<AuditAction, string> = {
  "app.registered": "Registered the app",
  "app.discovered": "Discovered in Prometheus",
  "app.imported": "Imported from a catalog",
  "app.seeded": "Created with the demo data",
  "app.claimed": "Claimed ownership",
  "app.released": "Released ownership",
  "app.transferred": "Transferred ownership",
  "app.backup_changed": "Changed the backup",
  "user.availability_changed": "Changed availability",
  "thresholds.changed": "Changed thresholds",
  "thresholds.rolled_back": "Rolled back thresholds",
  "finding.acknowledged": "Acknowledged a finding",
  "finding.unacknowledged": "Took back an acknowledgement",
  "finding.resolved_by_hand": "Resolved a finding by hand",
  "silence.created": "Silenced the app",
  "silence.ended": "Ended a silence",
  "escalation.changed": "Changed the escalation policy",
  "app.confirmed": "Confirmed it is still theirs",
  "stewardship.changed": "Changed how often owners confirm their apps",
  "user.deactivated": "Deactivated a person",
  "user.reactivated": "Reactivated a person",
  "app.renamed": "Renamed the app",
  "app.moved": "Moved the app to another team",
  "user.created": "Added a person",
  "user.changed": "Changed a person",
  "team.created": "Created a team",
  "team.renamed": "Renamed a team",
};

export function actionLabel(action: string): string {
  const known = (ACTION_LABELS as Record<string, string>)[action];
  if (known) return known;
  const tail = action.split(".").pop() ?? action;
  const words = tail.replace(/[_-]+/g, " ").trim();
  return words === "" ? action : words.charAt(0).toUpperCase() + words.slice(1);
}

export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const FIELD_LABELS: Record<string, string> = {
  owner: "Owner",
  ownerEmail: "Owner",
  backup: "Backup",
  backupEmail: "Backup",
  awayFrom: "Away from",
  awayUntil: "Away until",
};

function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
}

/** A value as a person would write it: people by name/email, nothing as "none". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string") return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (typeof record.email === "string") {
      return typeof record.name === "string" && record.name !== "" ? `${record.name} (${record.email})` : record.email;
    }
  }
  return JSON.stringify(value);
}

/** Fields whose value differs between before and after, in a stable order. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field: fieldLabel(field), before: describeValue(b[field]), after: describeValue(a[field]) }))
    .filter((change) => change.before !== change.after);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}
