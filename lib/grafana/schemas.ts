import { z } from "zod";
import { isPromDuration } from "./duration";
import { GRAFANA_UID_MAX, GRAFANA_UID_RE } from "./uids";

// The client's own schemas for every body it sends. They encode the rules Grafana enforces
// (see docs/grafana.md) so a bad body fails here, with a clear message, before any HTTP call.
// spec-conformance.test.ts checks that what passes here also passes Grafana's Swagger spec.

export const grafanaUidSchema = z.string().min(1).max(GRAFANA_UID_MAX).regex(GRAFANA_UID_RE, "uid must match ^[a-zA-Z0-9-_]+$");
const durationSchema = z.string().refine(isPromDuration, "must be a Prometheus duration such as 5m or 1h30m");
const stringMap = z.record(z.string(), z.string());

export const alertQuerySchema = z.object({
  refId: z.string().min(1),
  queryType: z.string().optional(),
  relativeTimeRange: z.object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }),
  datasourceUid: z.string().min(1),
  model: z.record(z.string(), z.unknown()),
});

export const alertRuleSchema = z
  .object({
    uid: grafanaUidSchema.optional(),
    orgID: z.number().int(),
    folderUID: z.string().min(1),
    ruleGroup: z.string().min(1).max(190),
    title: z.string().min(1).max(190),
    condition: z.string().min(1),
    data: z.array(alertQuerySchema).min(1),
    noDataState: z.enum(["Alerting", "NoData", "OK"]),
    execErrState: z.enum(["OK", "Alerting", "Error"]),
    for: durationSchema,
    isPaused: z.boolean().optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
    notification_settings: z.object({ receiver: z.string().min(1), group_by: z.array(z.string()).optional() }).optional(),
  })
  .refine((r) => new Set(r.data.map((q) => q.refId)).size === r.data.length, { message: "refIds must be unique", path: ["data"] })
  .refine((r) => r.data.some((q) => q.refId === r.condition), { message: "condition must name a refId in data", path: ["condition"] });

export const ruleGroupSchema = z.object({
  title: z.string().min(1).max(190),
  folderUid: z.string().min(1),
  interval: z.number().int().positive().refine((n) => n % 10 === 0, "interval must be a multiple of 10 seconds"),
  rules: z.array(alertRuleSchema).optional(),
});

export const folderSchema = z.object({ uid: grafanaUidSchema, title: z.string().min(1), parentUid: z.string().optional() });

export const contactPointSchema = z.discriminatedUnion("type", [
  z.object({
    uid: grafanaUidSchema.optional(),
    name: z.string().min(1),
    type: z.literal("email"),
    settings: z.looseObject({ addresses: z.string().min(1) }),
    disableResolveMessage: z.boolean().optional(),
  }),
  z.object({
    uid: grafanaUidSchema.optional(),
    name: z.string().min(1),
    type: z.literal("webhook"),
    settings: z.looseObject({ url: z.url() }),
    disableResolveMessage: z.boolean().optional(),
  }),
]);

const matcherSchema = z.tuple([z.string().min(1), z.enum(["=", "!=", "=~", "!~"]), z.string()]);

export interface RouteInput {
  receiver?: string;
  object_matchers?: [string, string, string][];
  routes?: RouteInput[];
  [extra: string]: unknown;
}

export const routeSchema: z.ZodType<RouteInput> = z.lazy(() =>
  z.looseObject({
    receiver: z.string().min(1).optional(),
    group_by: z.array(z.string()).optional(),
    object_matchers: z.array(matcherSchema).optional(),
    continue: z.boolean().optional(),
    group_wait: durationSchema.optional(),
    group_interval: durationSchema.optional(),
    repeat_interval: durationSchema.optional(),
    routes: z.array(routeSchema).optional(),
  }),
);

/** The root of the tree must name a receiver; nested routes inherit it. */
export const policyTreeSchema = routeSchema.refine((r) => Boolean(r.receiver), { message: "the root route needs a receiver", path: ["receiver"] });
