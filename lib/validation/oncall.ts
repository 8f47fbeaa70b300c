import { z } from "zod";
import "./messages";
import { requiredText } from "./text";
import { ESCALATION_TARGETS, MAX_REPEAT, MAX_STEPS, afterMs } from "@/lib/notify/escalation-policy";

// Acknowledge / escalate / silence: one schema per operation, shared by forms and routes.

// the same hardened text as every other reason (no controls, bidi overrides, lone surrogates)
const reason = requiredText(500);

export const findingReasonSchema = z.strictObject({ reason });

export const findingIdSchema = z.string().trim().min(1, "is required").max(64, "is not a finding id");

export const escalationPolicySchema = z
  .strictObject({
    steps: z
      .array(
        z.strictObject({
          after: z
            .string()
            .trim()
            .refine((v) => (afterMs(v) ?? 0) >= 60_000 && (afterMs(v) ?? 0) <= 24 * 3_600_000, "must be whole minutes or hours from 1m to 24h, e.g. 10m or 2h"),
          notify: z.enum(ESCALATION_TARGETS, { message: `must be one of ${ESCALATION_TARGETS.join(", ")}` }),
        }),
      )
      .min(1, "must have at least one step")
      .max(MAX_STEPS, `must have at most ${MAX_STEPS} steps`),
    repeat: z.number().int("must be a whole number").min(0, "must be 0–3").max(MAX_REPEAT, "must be 0–3").default(0),
  })
  .superRefine((p, ctx) => {
    for (let i = 1; i < p.steps.length; i++) {
      if ((afterMs(p.steps[i]?.after ?? "") ?? 0) <= (afterMs(p.steps[i - 1]?.after ?? "") ?? 0)) {
        ctx.addIssue({ code: "custom", path: ["steps", i, "after"], message: "must be later than the step before" });
      }
    }
  });

export type EscalationPolicyInput = z.infer<typeof escalationPolicySchema>;

const isoDateTime = z.iso.datetime({ offset: true, message: "must be an ISO date-time" });

// A silence: from (default now) until, with a reason; at most 30 days long.
export const silenceCreateSchema = z
  .strictObject({ from: isoDateTime.optional(), until: isoDateTime, reason })
  .superRefine((s, ctx) => {
    const from = s.from ? Date.parse(s.from) : Date.now();
    const until = Date.parse(s.until);
    if (until <= from) ctx.addIssue({ code: "custom", path: ["until"], message: "must be after from" });
    else if (until <= Date.now()) ctx.addIssue({ code: "custom", path: ["until"], message: "must be in the future" });
    else if (until - from > 30 * 86_400_000) ctx.addIssue({ code: "custom", path: ["until"], message: "must be at most 30 days after from" });
  });

export type SilenceCreateInput = z.infer<typeof silenceCreateSchema>;
