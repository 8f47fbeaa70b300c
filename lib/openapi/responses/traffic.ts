import { z } from "zod";
import type { trafficPoints } from "@/lib/traffic/chart";
import type { ingestSamples } from "@/lib/traffic/ingest";
import { describes } from "../describes";

// The answers of the traffic routes, checked against their builders' types (kept here rather
// than beside them: lib/traffic is another team's folder).

/** GET /api/apps/{appId}/traffic */
export const trafficAnswerSchema = z.object({
  from: z.string(), to: z.string(), step: z.number(),
  points: describes<Awaited<ReturnType<typeof trafficPoints>>>()(z.array(z.object({ t: z.number(), v: z.number() }))),
});

/** POST /api/traffic (202) */
export const trafficPushAnswerSchema = describes<Awaited<ReturnType<typeof ingestSamples>>>()(
  z.object({ accepted: z.number(), rejected: z.array(z.object({ index: z.number(), appId: z.string().nullable(), error: z.string() })), rejectedCount: z.number() }),
);
