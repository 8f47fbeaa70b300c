import { z } from "zod";
import "./messages";

// The envelope is validated as a whole; samples one by one, so one bad sample is reported
// (by index) and never costs the good ones their place.
export const MAX_SAMPLES_PER_PUSH = 50_000;

export const trafficPushSchema = z.strictObject({
  samples: z.array(z.unknown()).min(1, "must hold at least one sample").max(MAX_SAMPLES_PER_PUSH, `must hold at most ${MAX_SAMPLES_PER_PUSH} samples`),
});

export const sampleSchema = z.strictObject({
  appId: z.string().min(1, "is required"),
  ts: z.union([
    z.number().int("must be whole milliseconds").positive("must be positive"),
    z.iso.datetime({ offset: true, message: "must be epoch milliseconds or an ISO date-time" }),
  ]),
  value: z.number().finite("must be a finite number").nonnegative("must not be negative"),
});

export const trafficQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
    to: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
    step: z.coerce.number().int("must be whole seconds").min(1, "must be at least 1 second").max(86_400, "must be at most one day").optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { message: "must be after from", path: ["to"] });

export const findingsQuerySchema = z.object({
  status: z.enum(["open", "resolved", "all"]).default("all"),
  limit: z.coerce.number().int().min(1, "must be at least 1").max(500, "must be at most 500").default(100),
});

export const detectionRunSchema = z.strictObject({ appId: z.string().min(1).optional() });
