import { z } from "zod";
import "./messages";
import { CONFIRM_EVERY_DAYS_MAX, CONFIRM_EVERY_DAYS_MIN } from "@/lib/ownership/stewardship";
import { freeText } from "./text";

// Stewardship: one schema per operation, shared by forms and routes.

export const stewardshipSettingsSchema = z.strictObject({
  confirmEveryDays: z
    .number({ message: "must be a number of days" })
    .int("must be a whole number of days")
    .min(CONFIRM_EVERY_DAYS_MIN, `must be ${CONFIRM_EVERY_DAYS_MIN}–${CONFIRM_EVERY_DAYS_MAX} days`)
    .max(CONFIRM_EVERY_DAYS_MAX, `must be ${CONFIRM_EVERY_DAYS_MIN}–${CONFIRM_EVERY_DAYS_MAX} days`),
});

export type StewardshipSettingsInput = z.infer<typeof stewardshipSettingsSchema>;

// POST /api/apps/{appId}/confirm takes no body or an optional note for the audit trail.
export const confirmSchema = z.strictObject({ note: freeText(500).optional() });
