import { z } from "zod";
import "./messages";
import { freeText, nameText, requiredText } from "./text";
import { SEVERITIES } from "@/lib/domain/enums";

// One schema per operation, shared by the browser forms and the route handlers.
export const appIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lowercase letters, digits or dashes, starting with a letter or digit");

const email = z.string().trim().toLowerCase().max(254, "must be at most 254 characters").email("must be an email address");
const reason = freeText(500);
// ISO times people choose (away periods): within a few years of now, not year 275760
const isoTime = z.iso
  .datetime({ offset: true, message: "must be an ISO date-time" })
  .refine((s) => Math.abs(Date.parse(s) - Date.now()) <= 5 * 366 * 86_400_000, "must be within five years of now");

export const appCreateSchema = z.strictObject({
  appId: appIdSchema,
  name: nameText(120),
  team: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"),
  description: freeText(2000).optional(),
});

// stale | no_thresholds | alerting | alerting_unreachable | not_confirmed are decided per app
// (lib/ownership/stewardship.ts); the overview links each of its numbers to one of them.
export const APP_LIST_FILTERS = ["all", "mine", "unowned", "stale", "no_thresholds", "alerting", "alerting_unreachable", "not_confirmed"] as const;
export const APP_LIST_SORTS = ["appId", "finding", "sync", "traffic"] as const;

export const appListQuerySchema = z.object({
  filter: z.enum(APP_LIST_FILTERS, { message: `must be one of ${APP_LIST_FILTERS.join(", ")}` }).default("all"),
  // apps this person owns or backs (the overview's "who answers for what")
  person: email.optional(),
  // worst open finding: a severity, any (some open finding) or none
  finding: z.enum([...SEVERITIES, "any", "none"], { message: `must be one of ${[...SEVERITIES, "any", "none"].join(", ")}` }).optional(),
  sync: z.enum(["synced", "pending", "failed", "not_configured"], { message: "must be one of synced, pending, failed, not_configured" }).optional(),
  // scorecard level (lib/ownership/stewardship.ts scorecardOf)
  level: z.enum(["gold", "silver", "bronze", "none"], { message: "must be one of gold, silver, bronze, none" }).optional(),
  sort: z.enum(APP_LIST_SORTS, { message: `must be one of ${APP_LIST_SORTS.join(", ")}` }).default("appId"),
  team: z.string().trim().min(1).max(64, "must be at most 64 characters").optional(),
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  cursor: z.string().trim().min(1).max(200, "must be at most 200 characters").optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});

export const releaseSchema = z.strictObject({ reason: reason.optional() });

export const transferSchema = z.strictObject({
  toEmail: email,
  reason: requiredText(500),
});

export const backupSchema = z.strictObject({ email: email.nullable() });

export const availabilitySchema = z
  .strictObject({
    awayFrom: isoTime.nullable().optional(),
    awayUntil: isoTime.nullable(),
  })
  .refine((v) => !v.awayFrom || !v.awayUntil || Date.parse(v.awayFrom) < Date.parse(v.awayUntil), {
    message: "must be after awayFrom",
    path: ["awayUntil"],
  })
  .refine((v) => !v.awayUntil || Date.parse(v.awayUntil) > Date.now(), {
    message: "must be in the future (send null to mark yourself back)",
    path: ["awayUntil"],
  });

export type AppCreateInput = z.infer<typeof appCreateSchema>;
export type AppListQuery = z.infer<typeof appListQuerySchema>;
export type AvailabilityInput = z.infer<typeof availabilitySchema>;
