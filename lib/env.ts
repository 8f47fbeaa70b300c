import { z } from "zod";
import { parseAllowList } from "@/lib/net/address-policy";
import { describeIssues, fieldErrors } from "@/lib/validation/field-errors";

// Every setting of the portal, in one schema (as t3's createEnv keeps them): parsed once, at start,
// where a bad variable fails with a message naming it; code reads `env()` and never process.env.
// Empty variables count as unset, so their defaults apply. Groups map onto their modules'
// settings here and nowhere else (Grafana: lib/grafana/config's grafanaSettingsOf).

/** The traffic query of one app: Grafana rules, Prometheus pull and the Prometheus rules file. */
export const DEFAULT_QUERY_TEMPLATE = 'sum(rate(http_requests_total{app="$appId"}[5m]))';

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).transform((u) => u.replace(/\/+$/, ""));
const GRAFANA_REQUIRED = ["GRAFANA_TOKEN", "GRAFANA_DATASOURCE_UID", "PORTAL_URL"] as const;

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
  // the portal's public address in links (lib/http/base-url); required with GRAFANA_URL
  PORTAL_URL: httpUrl.optional(),
  // When set, GET /api/metrics requires `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // detection, traffic and notifications
  SCHEDULER_ENABLED: z
    .enum(["true", "false", "1", "0", ""])
    .default("true")
    .transform((v) => v !== "false" && v !== "0"),
  DETECTION_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(60),
  DETECTION_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  // a scheduled tick is split into this many shards of apps that replicas claim one at a time
  // (lib/findings/shards.ts); 1 = one replica evaluates a whole tick
  DETECTION_SHARDS: z.coerce.number().int().min(1).max(1024).default(8),
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
  GRAFANA_QUERY_TEMPLATE: z
    .string()
    .default(DEFAULT_QUERY_TEMPLATE)
    .refine((t) => t.includes("$appId"), "must contain the placeholder $appId"),
  // Grafana sync (docs/grafana.md): off while GRAFANA_URL is unset
  GRAFANA_URL: httpUrl.optional(),
  GRAFANA_TOKEN: z.string().optional(),
  GRAFANA_DATASOURCE_UID: z.string().optional(),
  GRAFANA_GROUP_INTERVAL_SECONDS: z.coerce
    .number()
    .int("must be a whole number of seconds")
    .positive("must be positive")
    .refine((n) => n % 10 === 0, "must be a multiple of 10 (Grafana's base interval)")
    .default(60),
  GRAFANA_PROVENANCE: z.enum(["locked", "editable"], { error: 'must be "locked" or "editable"' }).default("locked"),
  // auto: every reconcile repairs the drift it finds; off: it only reports
  GRAFANA_DRIFT_REPAIR: z.enum(["auto", "off"], { error: 'must be "auto" or "off"' }).default("off"),
}).superRefine((e, ctx) => {
  if (e.GRAFANA_URL) {
    for (const name of GRAFANA_REQUIRED) if (!e[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when GRAFANA_URL is set" });
  }
  if (e.TRAFFIC_ROLLUP_5M_DAYS < e.TRAFFIC_RAW_DAYS) {
    ctx.addIssue({ code: "custom", path: ["TRAFFIC_ROLLUP_5M_DAYS"], message: "must be at least TRAFFIC_RAW_DAYS" });
  }
  if (e.TRAFFIC_RETENTION_DAYS < e.TRAFFIC_ROLLUP_5M_DAYS) {
    ctx.addIssue({ code: "custom", path: ["TRAFFIC_RETENTION_DAYS"], message: "must be at least TRAFFIC_ROLLUP_5M_DAYS" });
  }
});

export type Env = z.infer<typeof schema>;

/** Bad settings: `variables` names each one; the message has one line per problem. */
export class EnvError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(set);
  if (!result.success) {
    const variables = Object.keys(fieldErrors(result.error.issues, { key: "top", root: "settings" }));
    throw new EnvError(variables, `Invalid settings:\n  ${describeIssues(result.error.issues, { root: "settings", separator: "\n  ", colon: true })}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Forget the parsed settings so the next env() reads process.env again (tests that change it). */
export function resetEnv(): void {
  cached = undefined;
}
