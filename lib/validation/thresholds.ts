import { z } from "zod";
import "./messages";
import { SEVERITIES, type Severity } from "@/lib/domain/enums";
import { parsePromDuration } from "@/lib/grafana/duration";
import { requiredText } from "./text";

// One schema per operation, shared by the threshold form in the browser and the route handlers.
export type ThresholdSeverity = Severity;

// Infinity and NaN are not numbers a person means; say so instead of "must be a number".
const numberError = (iss: { input: unknown }) =>
  iss.input === undefined || iss.input === null
    ? "is required"
    : typeof iss.input === "number"
      ? "must be a finite number"
      : "must be a number";

const rps = z
  .number({ error: numberError })
  .nonnegative("must not be negative")
  .max(1e9, "must be at most 1,000,000,000 req/s");

// How long a threshold must be breached before it pages: 0s..7d. Longer is no alert anyone
// waits for, and e.g. "300y" overflows Prometheus' duration type and breaks the whole rules file.
export const MAX_FOR_MS = 7 * 86_400_000;

export const promDurationSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(20, "must be at most 20 characters")
  .refine((s) => parsePromDuration(s) !== null, "must be a Prometheus duration such as 30s, 5m or 1h30m (units ms s m h d w y)")
  .refine((s) => (parsePromDuration(s) ?? 0) <= MAX_FOR_MS, "must be at most 7d");

const reason = requiredText(500);

const fields = {
  floorRps: rps,
  ceilingRps: rps.nullable().optional(),
  maxWeeklyDropPercent: z
    .number({ error: numberError })
    .gt(0, "must be above 0")
    .max(100, "must be at most 100")
    .nullable()
    .optional(),
  for: promDurationSchema,
  severity: z.enum(SEVERITIES, { error: "must be critical, warning or info" }),
  enabled: z.boolean({ error: "must be true or false" }),
};

const floorBelowCeiling = (v: { floorRps: number; ceilingRps?: number | null }) =>
  v.ceilingRps === null || v.ceilingRps === undefined || v.floorRps < v.ceilingRps;
const floorMessage = { message: "must be above the floor", path: ["ceilingRps"] };

/** PUT /api/apps/:appId/thresholds. `baseVersion` is the version the editor started from. */
export const thresholdUpdateSchema = z
  .strictObject({
    ...fields,
    reason,
    baseVersion: z.number().int("must be a whole number").nonnegative("must not be negative").optional(),
  })
  .refine(floorBelowCeiling, floorMessage);

/** POST /api/apps/:appId/thresholds/dry-run: the same thresholds, nothing is saved so no reason. */
export const thresholdDryRunSchema = z.strictObject(fields).refine(floorBelowCeiling, floorMessage);

export const thresholdRollbackSchema = z.strictObject({
  version: z.number({ error: "must be a version number" }).int("must be a whole number").positive("must be positive"),
  reason: reason.optional(),
});

export type ThresholdUpdateInput = z.infer<typeof thresholdUpdateSchema>;
export type ThresholdDryRunInput = z.infer<typeof thresholdDryRunSchema>;
export type ThresholdRollbackInput = z.infer<typeof thresholdRollbackSchema>;
