import { z } from "zod";
import type { AckView, resolveFindingByHand } from "@/lib/findings/acknowledge";
import type { listFindings, openFindingsFor } from "@/lib/findings/list-findings";
import type { PredictionView } from "@/lib/findings/prediction";
import type { RunSummary } from "@/lib/findings/run-detection";
import { describes } from "../describes";

// The answers of the findings and detection routes, checked against their builders' types
// (kept here rather than beside them: lib/findings is another team's folder).

type Async<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
const person = z.object({ email: z.string(), name: z.string() });
const iso = z.string();

const ackFields = {
  acknowledgedAt: iso.nullable(), acknowledgedBy: person.nullable(), resolvedBy: person.nullable(), resolveReason: z.string().nullable(),
  pageState: z.string(), coveredBy: z.string().nullable(), silenced: z.boolean(),
};

/** GET /api/apps/{appId}/findings */
export const findingListSchema = z.object({
  items: describes<Async<typeof listFindings>>()(
    z.array(
      z.object({
        id: z.string(), detector: z.string(), severity: z.string(), status: z.string(), startedAt: iso, resolvedAt: iso.nullable(),
        observed: z.number(), expected: z.number(), band: z.array(z.number()).nullable(), deviation: z.number(),
        window: z.object({ from: iso, to: iso }), explanation: z.string(), ...ackFields,
        notifications: z.array(
          z.object({
            event: z.string(), step: z.number(), channel: z.string(), recipient: z.string(), status: z.string(), attempts: z.number(),
            sentAt: iso.nullable(), lastError: z.string().nullable(),
            deliveries: z.array(z.object({ at: iso, outcome: z.string(), error: z.string().nullable(), durationMs: z.number() })),
          }),
        ),
      }),
    ),
  ),
});

/** GET /api/me/findings */
export const myFindingsSchema = z.object({
  items: describes<Async<typeof openFindingsFor>>()(
    z.array(z.object({ id: z.string(), appId: z.string(), appName: z.string(), detector: z.string(), severity: z.string(), startedAt: iso, explanation: z.string(), ...ackFields })),
  ),
});

export const ackViewSchema = describes<AckView>()(z.object({ findingId: z.string(), acknowledgedBy: person, acknowledgedAt: iso }));
/** POST /api/findings/{id}/ack */
export const ackAnswerSchema = ackViewSchema.omit({ findingId: true });
/** DELETE /api/findings/{id}/ack */
export const unackAnswerSchema = z.object({ findingId: z.string() });
/** POST /api/findings/{id}/resolve */
export const resolveAnswerSchema = describes<Async<typeof resolveFindingByHand>>()(z.object({ findingId: z.string(), status: z.literal("resolved"), resolvedAt: iso }));

/** GET /api/apps/{appId}/prediction */
export const predictionSchema = describes<PredictionView>()(
  z.object({
    appId: z.string(), evaluatedAt: iso.nullable(), observed: z.number().nullable(), expected: z.number().nullable(),
    low: z.number().nullable(), high: z.number().nullable(), level: z.literal(0.99), outsideShare: z.number().nullable(),
    samples: z.number(), expectedOutsideShare: z.number(), z: z.number(),
  }),
);

/** POST /api/detection/run */
export const detectionRunAnswerSchema = describes<RunSummary>()(
  z.object({
    apps: z.number(), evaluated: z.number(), skipped: z.number(), errors: z.number(), opened: z.number(), resolved: z.number(),
    notifications: z.number(), sent: z.number(), rebuilt: z.number(), conflicts: z.number(),
  }),
);
