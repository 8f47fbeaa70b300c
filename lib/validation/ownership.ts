import { z } from "zod";
import "./messages";

// One schema per operation, shared by the browser forms and the route handlers.
export const appIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "must be 2–63 lowercase letters, digits or dashes, starting with a letter or digit");

const email = z.string().trim().toLowerCase().email("must be an email address");
const reason = z.string().trim().max(500, "must be at most 500 characters");

export const appCreateSchema = z.strictObject({
  appId: appIdSchema,
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  team: z.string().trim().min(1, "is required"),
  description: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
});

export const appListQuerySchema = z.object({
  filter: z.enum(["all", "mine", "unowned"]).default("all"),
  team: z.string().trim().min(1).optional(),
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  cursor: z.string().trim().min(1).optional(),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});

export const releaseSchema = z.strictObject({ reason: reason.optional() });

export const transferSchema = z.strictObject({
  toEmail: email,
  reason: reason.min(1, "is required"),
});

export const backupSchema = z.strictObject({ email: email.nullable() });

export const availabilitySchema = z
  .strictObject({
    awayFrom: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).nullable().optional(),
    awayUntil: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).nullable(),
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
