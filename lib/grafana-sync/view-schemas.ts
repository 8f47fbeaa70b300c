import { z } from "zod";
import { describes } from "@/lib/openapi/describes";
import type { AppSyncView, DriftEntry, DriftReport, GrafanaStatus } from "./types";

// The answers of the Grafana routes, checked against their view types (lib/openapi/describes.ts).

/** One drift entry as reconcile stores it (GrafanaSyncState.driftDiff) and the API answers it. */
export const driftEntrySchema = describes<DriftEntry>()(z.object({
  appId: z.string().nullable(), team: z.string().nullable(), uid: z.string(), kind: z.enum(["missing", "unexpected", "changed"]),
  message: z.string(), changes: z.array(z.object({ path: z.string(), intended: z.unknown(), live: z.unknown() })),
}));
const driftEntry = driftEntrySchema;
const task = z.object({ kind: z.string(), subject: z.string(), status: z.string(), attempts: z.number(), nextAttemptAt: z.string(), lastError: z.string().nullable() });

/** GET /api/grafana/status */
export const grafanaStatusSchema = describes<GrafanaStatus>()(
  z.object({
    configured: z.boolean(), pending: z.array(task), failed: z.array(task),
    counts: z.object({ pending: z.number(), failed: z.number(), drift: z.number() }),
    drift: z.array(z.object({ appId: z.string(), diff: driftEntry, detectedAt: z.string() })),
    lastSyncSuccess: z.string().nullable(),
  }),
);

/** POST /api/grafana/reconcile */
export const driftReportSchema = describes<DriftReport>()(
  z.object({ configured: z.boolean(), checkedAt: z.string(), inSync: z.boolean(), drift: z.array(driftEntry), repaired: z.boolean(), repairErrors: z.array(z.string()) }),
);

/** POST /api/grafana/retry */
export const grafanaRetrySchema = z.object({ rearmed: z.number() });

/** GET /api/apps/{appId}/sync */
export const appSyncSchema = describes<AppSyncView>()(
  z.object({
    state: z.enum(["synced", "pending", "failed", "not_configured"]), lastError: z.string().nullable(), syncedAt: z.string().nullable(),
    drift: z.object({ diff: driftEntry, detectedAt: z.string() }).nullable(),
  }),
);
