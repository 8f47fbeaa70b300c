import type { z } from "zod";
import { GrafanaError } from "./errors";
import { createGrafanaCall, type GrafanaHttpOptions } from "./http";
import { alertRuleSchema, contactPointSchema, folderSchema, policyTreeSchema, ruleGroupSchema } from "./schemas";
import type { AlertRuleGroup, EmbeddedContactPoint, Folder, FolderBody, ProvisionedAlertRule, Route } from "./types";
import { describeIssues } from "@/lib/validation/field-errors";

export type GrafanaClientOptions = GrafanaHttpOptions;

export interface GrafanaHealth {
  database: string;
  version?: string;
  commit?: string;
}

/** Throws invalid_request (never retried) when our own body breaks Grafana's rules. */
function check<T>(schema: z.ZodType, body: T, what: string): T {
  const r = schema.safeParse(body);
  if (r.success) return body;
  const issues = describeIssues(r.error.issues);
  throw new GrafanaError("invalid_request", `invalid ${what}: ${issues}`, { method: "", path: "", body });
}

const required = <T>(value: T | null, what: string): T => {
  if (value === null) throw new GrafanaError("server", `Grafana answered ${what} with an empty body`, { method: "", path: "" });
  return value;
};

/**
 * Typed client for the Grafana alerting provisioning API. It does not retry: callers (the
 * outbox worker) decide, using `GrafanaError.retryable`. Bodies are checked against
 * lib/grafana/schemas.ts before sending.
 */
export function createGrafanaClient(opts: GrafanaClientOptions) {
  const call = createGrafanaCall(opts);

  const client = {
    /** GET /api/health (no auth needed). */
    health: async (): Promise<GrafanaHealth> => required(await call<GrafanaHealth>("health"), "health"),

    /** The data source with this uid, or null. Useful to check GRAFANA_DATASOURCE_UID at start. */
    getDataSource: (uid: string) =>
      call<{ uid: string; type: string; name: string }>("getDataSource", { params: { uid }, nullOn: [404] }),

    getFolder: (uid: string) => call<Folder>("getFolder", { params: { folder_uid: uid }, nullOn: [404] }),

    /**
     * Makes sure the folder exists: GET first (the usual case once set up: one call), POST when
     * absent; a 409 from a concurrent creation is fine if the uid now exists.
     */
    async ensureFolder(folder: FolderBody): Promise<{ folder: Folder; created: boolean }> {
      check(folderSchema, folder, "folder");
      const existing = await client.getFolder(folder.uid);
      if (existing) return { folder: existing, created: false };
      const made = await call<Folder>("createFolder", { body: folder, nullOn: [409] });
      if (made) return { folder: made, created: true };
      const raced = await client.getFolder(folder.uid);
      if (raced) return { folder: raced, created: false };
      throw new GrafanaError("conflict", `folder "${folder.title}" clashes with an existing folder of another uid`, {
        method: "POST",
        path: "/folders",
        status: 409,
      });
    },

    listRules: async (): Promise<ProvisionedAlertRule[]> => (await call<ProvisionedAlertRule[]>("listRules")) ?? [],

    /** The rule, or null when Grafana answers 404 (with an empty body). */
    getRule: (uid: string) => call<ProvisionedAlertRule>("getRule", { params: { UID: uid }, nullOn: [404] }),

    /** POST → 201 with id, uid, updated, provenance. */
    createRule: async (rule: ProvisionedAlertRule): Promise<ProvisionedAlertRule> =>
      required(await call<ProvisionedAlertRule>("createRule", { body: check(alertRuleSchema, rule, "alert rule") }), "createRule"),

    /** PUT → 200; not_found when the uid does not exist. */
    updateRule: async (rule: ProvisionedAlertRule & { uid: string }): Promise<ProvisionedAlertRule> =>
      required(
        await call<ProvisionedAlertRule>("updateRule", { params: { UID: rule.uid }, body: check(alertRuleSchema, rule, "alert rule") }),
        "updateRule",
      ),

    /** One-call-per-rule path: GET, then PUT if it exists or POST if not (two calls per rule). */
    async upsertRule(rule: ProvisionedAlertRule & { uid: string }): Promise<{ rule: ProvisionedAlertRule; created: boolean }> {
      check(alertRuleSchema, rule, "alert rule");
      const existing = await client.getRule(rule.uid);
      return existing ? { rule: await client.updateRule(rule), created: false } : { rule: await client.createRule(rule), created: true };
    },

    /** DELETE → 204, also when the uid is absent (idempotent). */
    deleteRule: async (uid: string): Promise<void> => void (await call("deleteRule", { params: { UID: uid } })),

    /** The group with its rules, or null when it does not exist (no rules in it). */
    getRuleGroup: (folderUid: string, group: string) =>
      call<AlertRuleGroup>("getRuleGroup", { params: { FolderUID: folderUid, Group: group }, nullOn: [404] }),

    /**
     * Batched path: one PUT replaces every rule of the group (`rules: []` deletes them all;
     * `rules` omitted changes only the interval). The folder must exist.
     */
    async putRuleGroup(group: AlertRuleGroup): Promise<AlertRuleGroup> {
      const body = check(ruleGroupSchema, group, "rule group");
      const params = { FolderUID: group.folderUid, Group: group.title };
      return (await call<AlertRuleGroup>("putRuleGroup", { params, body })) ?? group;
    },

    deleteRuleGroup: async (folderUid: string, group: string): Promise<void> =>
      void (await call("deleteRuleGroup", { params: { FolderUID: folderUid, Group: group }, nullOn: [404] })),

    listContactPoints: async (name?: string): Promise<EmbeddedContactPoint[]> =>
      (await call<EmbeddedContactPoint[]>("listContactPoints", name ? { query: { name } } : {})) ?? [],

    /** POST → 202 with the stored contact point. */
    createContactPoint: async (cp: EmbeddedContactPoint): Promise<EmbeddedContactPoint> =>
      (await call<EmbeddedContactPoint>("createContactPoint", { body: check(contactPointSchema, cp, "contact point") })) ?? cp,

    /** PUT → 202 {"message":"contactpoint updated"}; not_found when the uid does not exist. */
    updateContactPoint: async (cp: EmbeddedContactPoint & { uid: string }): Promise<void> =>
      void (await call("updateContactPoint", { params: { UID: cp.uid }, body: check(contactPointSchema, cp, "contact point") })),

    /** Lists (all: the uid may sit under an older name), then PUT or POST. */
    async upsertContactPoint(cp: EmbeddedContactPoint & { uid: string }): Promise<{ created: boolean }> {
      const existing = await client.listContactPoints();
      if (existing.some((e) => e.uid === cp.uid)) {
        await client.updateContactPoint(cp);
        return { created: false };
      }
      await client.createContactPoint(cp);
      return { created: true };
    },

    /** 202; conflict (409) while a policy or rule still uses it. */
    deleteContactPoint: async (uid: string): Promise<void> => void (await call("deleteContactPoint", { params: { UID: uid } })),

    /** The whole notification policy tree. */
    getPolicies: async (): Promise<Route> => required(await call<Route>("getPolicies"), "getPolicies"),

    /** Replaces the whole tree (202). Every receiver must be an existing contact point name. */
    putPolicies: async (tree: Route): Promise<void> => void (await call("putPolicies", { body: check(policyTreeSchema, tree, "policy tree") })),
  };
  return client;
}

export type GrafanaClient = ReturnType<typeof createGrafanaClient>;
