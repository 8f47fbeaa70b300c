import { parsePromDuration } from "./duration";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "./names";
import type { AlertQuery, ProvisionedAlertRule } from "./types";

export interface FieldChange {
  /** Dotted path, e.g. `labels.owner` or `data[C].model.conditions`. */
  path: string;
  intended: unknown;
  live: unknown;
}

export interface RuleDifference {
  uid: string;
  /** missing: intended but absent; unexpected: portal-managed in Grafana but not intended. */
  kind: "missing" | "unexpected" | "changed";
  changes: FieldChange[];
  /** One readable line, e.g. `op-app-x changed: for: portal "5m", Grafana "10m"`. */
  message: string;
}

const show = (v: unknown): string => (v === undefined ? "(absent)" : JSON.stringify(v));

/** Records differences of plain JSON values; `subset` compares only the keys `intended` has. */
function compare(path: string, intended: unknown, live: unknown, out: FieldChange[], subset = false): void {
  if (Object.is(intended, live)) return;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(intended) && isObj(live)) {
    const keys = new Set([...Object.keys(intended), ...(subset ? [] : Object.keys(live))]);
    for (const k of [...keys].sort()) compare(path ? `${path}.${k}` : k, intended[k], live[k], out, subset);
    return;
  }
  if (JSON.stringify(intended) !== JSON.stringify(live)) out.push({ path, intended, live });
}

// Grafana fills model defaults (intervalMs, maxDataPoints, hide, datasource…) and an empty
// queryType, so nodes are compared on what we send.
function compareData(intended: AlertQuery[], live: AlertQuery[], out: FieldChange[]): void {
  const liveByRef = new Map(live.map((q) => [q.refId, q]));
  for (const q of intended) {
    const l = liveByRef.get(q.refId);
    const at = `data[${q.refId}]`;
    if (!l) {
      out.push({ path: at, intended: q, live: undefined });
      continue;
    }
    compare(`${at}.datasourceUid`, q.datasourceUid, l.datasourceUid, out);
    compare(`${at}.relativeTimeRange`, q.relativeTimeRange, l.relativeTimeRange, out);
    compare(`${at}.queryType`, q.queryType ?? "", l.queryType ?? "", out);
    compare(`${at}.model`, q.model, l.model, out, true);
  }
  for (const l of live) if (!intended.some((q) => q.refId === l.refId)) out.push({ path: `data[${l.refId}]`, intended: undefined, live: l });
}

/** Field-level differences of one rule, ignoring server-filled fields (id, updated, provenance, orgID). */
export function diffRule(intended: ProvisionedAlertRule, live: ProvisionedAlertRule): FieldChange[] {
  const out: FieldChange[] = [];
  for (const k of ["title", "folderUID", "ruleGroup", "condition", "noDataState", "execErrState"] as const) {
    compare(k, intended[k], live[k], out);
  }
  if (parsePromDuration(intended.for) !== parsePromDuration(live.for)) out.push({ path: "for", intended: intended.for, live: live.for });
  compare("isPaused", intended.isPaused ?? false, live.isPaused ?? false, out);
  compare("labels", intended.labels ?? {}, live.labels ?? {}, out);
  compare("annotations", intended.annotations ?? {}, live.annotations ?? {}, out);
  compare("notification_settings", intended.notification_settings ?? null, live.notification_settings ?? null, out);
  compareData(intended.data, live.data ?? [], out);
  return out;
}

const isManaged = (r: ProvisionedAlertRule): boolean => r.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;

/**
 * Drift between what the portal intends and what Grafana has, matched by uid. Live rules that
 * the portal does not manage (no `managed_by=ownership-portal` label) are ignored, so `live`
 * can be the whole `listRules()` answer. Sorted by uid.
 */
export function diffRules(intended: readonly ProvisionedAlertRule[], live: readonly ProvisionedAlertRule[]): RuleDifference[] {
  const liveByUid = new Map(live.filter((r) => r.uid).map((r) => [r.uid ?? "", r]));
  const result: RuleDifference[] = [];
  for (const want of intended) {
    const uid = want.uid ?? "";
    const have = liveByUid.get(uid);
    liveByUid.delete(uid);
    if (!have) {
      result.push({ uid, kind: "missing", changes: [], message: `${uid} missing in Grafana ("${want.title}")` });
      continue;
    }
    const changes = diffRule(want, have);
    if (changes.length === 0) continue;
    const detail = changes.map((c) => `${c.path}: portal ${show(c.intended)}, Grafana ${show(c.live)}`).join("; ");
    result.push({ uid, kind: "changed", changes, message: `${uid} changed: ${detail}` });
  }
  for (const [uid, have] of liveByUid) {
    if (isManaged(have)) result.push({ uid, kind: "unexpected", changes: [], message: `${uid} in Grafana but not intended ("${have.title}")` });
  }
  return result.sort((a, b) => a.uid.localeCompare(b.uid));
}
