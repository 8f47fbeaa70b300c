import type { EmbeddedContactPoint, Route } from "../../lib/grafana/types";
import { defaultPolicyTree, fail, renameReceiver, treeReceivers, type Ctx, type Handler, type Reply } from "./contract-state";

// Contact points and the notification policy tree, as Grafana 11.4 answers them.

const SECRET_KEYS = new Set(["authorization_credentials", "password", "token", "url_secret"]);

/** Secret settings come back redacted on GET, as in Grafana. */
const redact = (cp: EmbeddedContactPoint): EmbeddedContactPoint => ({
  ...cp,
  settings: Object.fromEntries(Object.entries(cp.settings).map(([k, v]) => [k, SECRET_KEYS.has(k) ? "[REDACTED]" : v])),
});

function contactPointProblem(cp: EmbeddedContactPoint): string | null {
  if (!cp.name) return "contact point name is required";
  if (cp.type === "email" && !cp.settings.addresses) return "could not find addresses in settings";
  if (cp.type === "webhook" && !cp.settings.url) return "required field 'url' is not specified";
  if (cp.settings.username && cp.settings.authorization_credentials) return "both HTTP Basic Authentication and Authorization Header are set, only 1 is permitted";
  return null;
}

const provenanceOf = (ctx: Ctx): string => (ctx.disableProvenance ? "" : "api");

const listContactPoints: Handler = ({ query, state }) => {
  const name = query.get("name");
  const all = [...state.contactPoints.values()].filter((cp) => !name || cp.name === name);
  return { status: 200, body: all.map(redact) };
};

const postContactPoint: Handler = (ctx) => {
  const cp = ctx.body as EmbeddedContactPoint;
  const problem = contactPointProblem(cp);
  if (problem) return fail(400, problem);
  const uid = cp.uid || `cp${ctx.state.nextId++}`;
  if (ctx.state.contactPoints.has(uid)) return fail(400, `contact point with uid ${uid} already exists`);
  const stored = { ...cp, uid, provenance: provenanceOf(ctx) };
  ctx.state.contactPoints.set(uid, stored);
  return { status: 202, body: redact(stored) };
};

const putContactPoint: Handler = (ctx) => {
  const uid = ctx.params.UID ?? "";
  const prev = ctx.state.contactPoints.get(uid);
  if (!prev) return fail(404, "contact point not found", "alerting.notifications.contact-points.notFound");
  const cp = ctx.body as EmbeddedContactPoint;
  const problem = contactPointProblem(cp);
  if (problem) return fail(400, problem);
  // Grafana 11 renames references in the policy tree when a contact point is renamed.
  if (prev.name !== cp.name) renameReceiver(ctx.state.policies, prev.name, cp.name);
  ctx.state.contactPoints.set(uid, { ...cp, uid, provenance: provenanceOf(ctx) });
  return { status: 202, body: { message: "contactpoint updated" } };
};

const deleteContactPoint: Handler = ({ params, state }) => {
  const cp = state.contactPoints.get(params.UID ?? "");
  if (!cp) return { status: 202 };
  const sharesName = [...state.contactPoints.values()].some((o) => o.uid !== cp.uid && o.name === cp.name);
  if (!sharesName && treeReceivers(state.policies).has(cp.name)) {
    return fail(409, `contact point '${cp.name}' is currently used by a notification policy`, "alerting.notifications.contact-points.referenced");
  }
  const usedByRule = [...state.rules.values()].some((r) => r.notification_settings?.receiver === cp.name);
  if (!sharesName && usedByRule) return fail(409, `contact point '${cp.name}' is used by an alert rule`, "alerting.notifications.contact-points.used-by-rule");
  state.contactPoints.delete(cp.uid);
  return { status: 202 };
};

function putPolicies(ctx: Ctx): Reply {
  const tree = ctx.body as Route;
  if (!tree.receiver) return fail(400, "invalid object specification: root route must specify a default receiver");
  const names = new Set([...ctx.state.contactPoints.values()].map((cp) => cp.name));
  const missing = [...treeReceivers(tree)].filter((r) => !names.has(r));
  if (missing.length) return fail(400, `invalid object specification: receiver '${missing[0]}' does not exist`);
  ctx.state.policies = { ...structuredClone(tree), provenance: provenanceOf(ctx) };
  return { status: 202, body: { message: "policies updated" } };
}

export const notifyHandlers: Record<string, Handler> = {
  "GET /v1/provisioning/contact-points": listContactPoints,
  "POST /v1/provisioning/contact-points": postContactPoint,
  "PUT /v1/provisioning/contact-points/{UID}": putContactPoint,
  "DELETE /v1/provisioning/contact-points/{UID}": deleteContactPoint,
  "GET /v1/provisioning/policies": ({ state }) => ({ status: 200, body: state.policies }),
  "PUT /v1/provisioning/policies": putPolicies,
  "DELETE /v1/provisioning/policies": ({ state }) => {
    state.policies = defaultPolicyTree();
    return { status: 202, body: { message: "policies reset" } };
  },
};

