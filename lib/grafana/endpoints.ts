// Every Grafana endpoint the client calls, as path templates under `/api` exactly as they
// appear in Grafana's Swagger spec; spec-conformance.test.ts checks each one exists there.
export const GRAFANA_ENDPOINTS = {
  health: { method: "GET", path: "/health" },
  getDataSource: { method: "GET", path: "/datasources/uid/{uid}" },
  getFolder: { method: "GET", path: "/folders/{folder_uid}" },
  createFolder: { method: "POST", path: "/folders" },
  listRules: { method: "GET", path: "/v1/provisioning/alert-rules" },
  createRule: { method: "POST", path: "/v1/provisioning/alert-rules" },
  getRule: { method: "GET", path: "/v1/provisioning/alert-rules/{UID}" },
  updateRule: { method: "PUT", path: "/v1/provisioning/alert-rules/{UID}" },
  deleteRule: { method: "DELETE", path: "/v1/provisioning/alert-rules/{UID}" },
  getRuleGroup: { method: "GET", path: "/v1/provisioning/folder/{FolderUID}/rule-groups/{Group}" },
  putRuleGroup: { method: "PUT", path: "/v1/provisioning/folder/{FolderUID}/rule-groups/{Group}" },
  deleteRuleGroup: { method: "DELETE", path: "/v1/provisioning/folder/{FolderUID}/rule-groups/{Group}" },
  listContactPoints: { method: "GET", path: "/v1/provisioning/contact-points" },
  createContactPoint: { method: "POST", path: "/v1/provisioning/contact-points" },
  updateContactPoint: { method: "PUT", path: "/v1/provisioning/contact-points/{UID}" },
  deleteContactPoint: { method: "DELETE", path: "/v1/provisioning/contact-points/{UID}" },
  getPolicies: { method: "GET", path: "/v1/provisioning/policies" },
  putPolicies: { method: "PUT", path: "/v1/provisioning/policies" },
} as const satisfies Record<string, { method: "GET" | "POST" | "PUT" | "DELETE"; path: string }>;

export type GrafanaEndpoint = keyof typeof GRAFANA_ENDPOINTS;

/** `/folders/{folder_uid}` + `{ folder_uid: "x y" }` → `/folders/x%20y`. */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(value);
  });
}
