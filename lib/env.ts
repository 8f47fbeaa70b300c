import { z } from "zod";
import { grafanaEnvSchema } from "@/lib/grafana/config";
import { parseAllowList } from "@/lib/net/address-policy";
import { describeIssues } from "@/lib/validation/field-errors";

// Settings are parsed once; a bad variable fails at start with a message naming it.
const schema = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/portal.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "must be a file: URL (SQLite) or a postgres:// URL",
    }),
  PORT: z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(1, "must be 1–65535").max(65535, "must be 1–65535").default(3000),
  HOST: z.string().default("127.0.0.1"),
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  DEMO_MODE: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  PORTAL_URL: z.string().url().optional(),
  // When set, GET /api/metrics requires `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // detection, traffic and notifications
  SCHEDULER_ENABLED: z
    .enum(["true", "false", "1", "0", ""])
    .default("true")
    .transform((v) => v !== "false" && v !== "0"),
  DETECTION_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(60),
  DETECTION_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  // traffic history levels (docs/traffic.md): raw samples, then 5-minute, then 1-hour rollups
  TRAFFIC_RAW_DAYS: z.coerce.number().int().min(1).max(60).default(3),
  TRAFFIC_ROLLUP_5M_DAYS: z.coerce.number().int().min(1).max(365).default(15),
  TRAFFIC_RETENTION_DAYS: z.coerce.number().int().min(8).max(3650).default(35),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  SMTP_FROM: z.string().email().default("portal@localhost"),
  // Hosts and CIDRs webhooks may reach although they are local or private (see lib/net).
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      try {
        parseAllowList(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `must be comma-separated hostnames and CIDRs: ${(e as Error).message}` });
      }
    }),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // who hears (lib/notify): delivery interval, ack links, escalation, the fleet-wide guard
  NOTIFY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  ACK_LINK_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
  // multiplies every escalation delay (1 = as written in the policy); < 1 only for demos and the e2e journey
  ESCALATION_TIME_SCALE: z.coerce.number().min(0.001).max(1).default(1),
  SOURCE_DOWN_PERCENT: z.coerce.number().min(1).max(100).default(30),
  SOURCE_DOWN_MIN_APPS: z.coerce.number().int().min(2).default(5),
  PROMETHEUS_URL: z.string().url().optional(),
  PROMETHEUS_APP_LABEL: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "must be a Prometheus label name").default("app"),
  PROMETHEUS_DEFAULT_TEAM: z.string().default("unassigned"),
  // pull mode: the traffic of all apps in one query, one series per app labelled PROMETHEUS_APP_LABEL
  // (unset: derived from the default GRAFANA_QUERY_TEMPLATE, else one query per app; docs/traffic.md)
  PROMETHEUS_GROUPED_QUERY: z
    .string()
    .refine((q) => !q.includes("$appId"), "must not contain $appId: it asks for every app at once")
    .optional(),
  // one traffic query for Grafana rules, Prometheus pull and the Prometheus rules file
  GRAFANA_QUERY_TEMPLATE: grafanaEnvSchema.shape.GRAFANA_QUERY_TEMPLATE,
}).superRefine((e, ctx) => {
  if (e.TRAFFIC_ROLLUP_5M_DAYS < e.TRAFFIC_RAW_DAYS) {
    ctx.addIssue({ code: "custom", path: ["TRAFFIC_ROLLUP_5M_DAYS"], message: "must be at least TRAFFIC_RAW_DAYS" });
  }
  if (e.TRAFFIC_RETENTION_DAYS < e.TRAFFIC_ROLLUP_5M_DAYS) {
    ctx.addIssue({ code: "custom", path: ["TRAFFIC_RETENTION_DAYS"], message: "must be at least TRAFFIC_ROLLUP_5M_DAYS" });
  }
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(`Invalid settings:\n  ${describeIssues(result.error.issues, { root: "settings", separator: "\n  ", colon: true })}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
