import { z } from "zod";
import { SEVERITIES } from "@/lib/domain/enums";
import { describes } from "@/lib/openapi/describes";
import type { dryRunThresholds } from "./dry-run";
import type { currentThresholds } from "./read-thresholds";
import type { ThresholdHistoryItem, ThresholdView } from "./view";

// The answers of the threshold routes, checked against their view types (lib/openapi/describes.ts).

const settingValue = z.union([z.number(), z.string(), z.boolean()]).nullable();
const threshold = describes<ThresholdView>()(
  z.object({
    version: z.number(), floorRps: z.number(), ceilingRps: z.number().nullable(), maxWeeklyDropPercent: z.number().nullable(),
    for: z.string(), severity: z.enum(SEVERITIES), enabled: z.boolean(), reason: z.string(),
    author: z.object({ email: z.string(), name: z.string() }).nullable(), createdAt: z.string(),
  }),
);

/** GET /api/apps/{appId}/thresholds */
export const currentThresholdsSchema = describes<Awaited<ReturnType<typeof currentThresholds>>>()(z.object({ thresholds: threshold.nullable(), canEdit: z.boolean() }));
/** PUT /api/apps/{appId}/thresholds and the rollback */
export const thresholdsSavedSchema = z.object({ thresholds: threshold, version: z.number() });

/** GET /api/apps/{appId}/thresholds/history */
export const thresholdHistorySchema = z.object({
  items: z.array(
    describes<ThresholdHistoryItem>()(
      threshold.extend({
        rolledBackFrom: z.number().nullable(),
        diff: z.array(z.object({ field: z.enum(["floorRps", "ceilingRps", "maxWeeklyDropPercent", "for", "severity", "enabled"]), from: settingValue, to: settingValue })),
      }),
    ),
  ),
});

/** POST /api/apps/{appId}/thresholds/dry-run */
export const dryRunAnswerSchema = describes<Awaited<ReturnType<typeof dryRunThresholds>>>()(
  z.object({
    wouldFire: z.boolean(),
    firings: z.array(z.object({ start: z.number(), end: z.number(), ongoing: z.boolean(), reason: z.enum(["floor", "ceiling", "weeklyDrop"]) })),
    window: z.object({ from: z.number(), to: z.number() }),
    samples: z.number(),
  }),
);
