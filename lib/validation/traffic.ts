import { z } from "zod";
import "./messages";

// The envelope is validated as a whole; samples one by one, so one bad sample is reported
// (by index) and never costs the good ones their place.
export const MAX_SAMPLES_PER_PUSH = 50_000;
// 50,000 samples of a long appId and an ISO time fit in 8 MiB; anything larger is refused unread.
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

export const trafficPushSchema = z.strictObject({
  samples: z.array(z.unknown()).min(1, "must hold at least one sample").max(MAX_SAMPLES_PER_PUSH, `must hold at most ${MAX_SAMPLES_PER_PUSH} samples`),
});

// Sample times between 2000 and 2100 (epoch ms fits the database's 64-bit column with room);
// rates up to 10^12 req/s.
export const MIN_SAMPLE_TS = Date.UTC(2000, 0, 1);
export const MAX_SAMPLE_TS = Date.UTC(2100, 0, 1);
const inRange = (ms: number) => ms >= MIN_SAMPLE_TS && ms < MAX_SAMPLE_TS;

export const sampleSchema = z.strictObject({
  appId: z.string().min(1, "is required").max(63, "must be at most 63 characters"),
  ts: z.union([
    z.number().int("must be whole milliseconds").refine(inRange, "must be between 2000 and 2100"),
    z.iso
      .datetime({ offset: true, message: "must be epoch milliseconds or an ISO date-time" })
      .refine((s) => inRange(Date.parse(s)), "must be between 2000 and 2100"),
  ]),
  value: z.number().finite("must be a finite number").nonnegative("must not be negative").max(1e12, "must be at most 10^12"),
});

/**
 * The common case of a valid sample, checked without zod: an object with exactly appId (1–63
 * characters), ts (whole epoch ms, 2000–2100) and value (finite, 0–10^12). Everything it accepts,
 * sampleSchema accepts too; anything else (ISO times, errors) goes through sampleSchema.
 */
export function isPlainSample(raw: unknown): raw is { appId: string; ts: number; value: number } {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return false;
  const o = raw as { appId?: unknown; ts?: unknown; value?: unknown };
  let keys = 0;
  // every enumerable key, inherited ones too, as the strict schema sees them
  for (const k in o) {
    if (k !== "appId" && k !== "ts" && k !== "value") return false;
    keys++;
  }
  return (
    keys === 3 && typeof o.appId === "string" && o.appId.length > 0 && o.appId.length <= 63 &&
    typeof o.ts === "number" && Number.isSafeInteger(o.ts) && inRange(o.ts) &&
    typeof o.value === "number" && Number.isFinite(o.value) && o.value >= 0 && o.value <= 1e12
  );
}

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

export const detectionRunSchema = z.strictObject({ appId: z.string().min(1).max(63, "must be at most 63 characters").optional() });
