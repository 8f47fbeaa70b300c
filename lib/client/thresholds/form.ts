// Pure helpers between the threshold form (strings, as inputs hold them) and the API body,
// validated with the very schema the route uses.
import {
  thresholdDryRunSchema,
  thresholdUpdateSchema,
  type ThresholdDryRunInput,
  type ThresholdSeverity,
  type ThresholdUpdateInput,
} from "@/lib/validation/thresholds";
import type { Thresholds } from "./types";
import { fieldErrors } from "@/lib/validation/field-errors";

export interface ThresholdFormValues {
  floorRps: string;
  ceilingRps: string;
  maxWeeklyDropPercent: string;
  for: string;
  severity: ThresholdSeverity;
  enabled: boolean;
  reason: string;
}

export type FieldErrors = Partial<Record<keyof ThresholdFormValues | "body", string>>;

export type Checked<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors };

export const DEFAULT_FORM: ThresholdFormValues = { floorRps: "", ceilingRps: "", maxWeeklyDropPercent: "", for: "5m", severity: "warning", enabled: true, reason: "" };

const text = (n: number | null) => (n === null ? "" : String(n));

export function formFromThresholds(t: Thresholds | null): ThresholdFormValues {
  if (!t) return DEFAULT_FORM;
  return { floorRps: text(t.floorRps), ceilingRps: text(t.ceilingRps), maxWeeklyDropPercent: text(t.maxWeeklyDropPercent), for: t.for, severity: t.severity, enabled: t.enabled, reason: "" };
}

// "" is "not set"; anything that is not a number goes through as text so the schema says so.
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  const n = Number(trimmed);
  return Number.isNaN(n) ? trimmed : n;
}

function body(v: ThresholdFormValues) {
  return {
    floorRps: numberOrText(v.floorRps),
    ceilingRps: numberOrText(v.ceilingRps) ?? null,
    maxWeeklyDropPercent: numberOrText(v.maxWeeklyDropPercent) ?? null,
    for: v.for.trim(),
    severity: v.severity,
    enabled: v.enabled,
  };
}

function check<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): Checked<T> {
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues, { key: "top" }) as FieldErrors };
}

export function checkUpdate(v: ThresholdFormValues, baseVersion: number): Checked<ThresholdUpdateInput> {
  return check(thresholdUpdateSchema.safeParse({ ...body(v), reason: v.reason, baseVersion }));
}

export function checkDryRun(v: ThresholdFormValues): Checked<ThresholdDryRunInput> {
  return check(thresholdDryRunSchema.safeParse(body(v)));
}

/** Floor and ceiling to draw while editing: the draft's, where it already holds a valid number. */
export function draftLimits(v: ThresholdFormValues): { floorRps: number | null; ceilingRps: number | null } {
  const num = (s: string) => {
    const n = numberOrText(s);
    return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : null;
  };
  return { floorRps: num(v.floorRps), ceilingRps: num(v.ceilingRps) };
}
