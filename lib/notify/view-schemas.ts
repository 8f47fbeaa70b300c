import { z } from "zod";
import { describes } from "@/lib/openapi/describes";
import { ackViewSchema } from "@/lib/openapi/responses/findings";
import { ESCALATION_TARGETS } from "./escalation-policy";
import type { EscalationView } from "./escalation-store";
import type { silenceView } from "./silences";

// The answers of the on-call routes (silences, escalation, signed ack links), checked against
// their builders' types (lib/openapi/describes.ts).

const silence = describes<ReturnType<typeof silenceView>>()(
  z.object({
    id: z.string(), from: z.string(), until: z.string(), reason: z.string(), createdBy: z.object({ email: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(), endedAt: z.string().nullable(), state: z.enum(["over", "active", "upcoming"]),
  }),
);

/** GET /api/apps/{appId}/silences */
export const silenceListSchema = z.object({ items: z.array(silence) });
/** POST /api/apps/{appId}/silences and DELETE …/silences/{id} */
export const silenceAnswerSchema = z.object({ silence });

/** GET and PUT /api/teams/{team}/escalation */
export const escalationSchema = describes<EscalationView>()(
  z.object({
    steps: z.array(z.object({ after: z.string(), notify: z.enum(ESCALATION_TARGETS) })), repeat: z.number(),
    team: z.string(), isDefault: z.boolean(), updatedAt: z.string().nullable(), canEdit: z.boolean(),
  }),
);

/** POST /api/ack/{token} */
export const ackLinkAnswerSchema = z.object({ items: z.array(ackViewSchema) });
