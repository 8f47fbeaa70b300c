import type { z } from "zod";
import type { GrafanaEndpoint } from "./endpoints";
import { alertRuleSchema, contactPointSchema, folderSchema, policyTreeSchema, ruleGroupSchema } from "./schemas";

// Which of the project's own schemas checks the body of each Grafana call that has one, and
// the name of the matching definition in Grafana 11.4's Swagger spec. The client checks its
// bodies with these before sending; the contract server (test/grafana) validates what it
// receives with the same schemas, so neither needs the spec at run time.
// spec-conformance.test.ts pins the table to the spec wherever ../shared/grafana exists
// (always in CI): each endpoint's body definition is the one named here, and the bodies our
// builders produce pass both.
export const GRAFANA_REQUEST_BODIES = {
  createFolder: { definition: "CreateFolderCommand", schema: folderSchema },
  createRule: { definition: "ProvisionedAlertRule", schema: alertRuleSchema },
  updateRule: { definition: "ProvisionedAlertRule", schema: alertRuleSchema },
  putRuleGroup: { definition: "AlertRuleGroup", schema: ruleGroupSchema },
  createContactPoint: { definition: "EmbeddedContactPoint", schema: contactPointSchema },
  updateContactPoint: { definition: "EmbeddedContactPoint", schema: contactPointSchema },
  putPolicies: { definition: "Route", schema: policyTreeSchema },
} as const satisfies Partial<Record<GrafanaEndpoint, { definition: string; schema: z.ZodType }>>;

export function requestBodyOf(endpoint: GrafanaEndpoint): { definition: string; schema: z.ZodType } | null {
  return (GRAFANA_REQUEST_BODIES as Partial<Record<GrafanaEndpoint, { definition: string; schema: z.ZodType }>>)[endpoint] ?? null;
}
