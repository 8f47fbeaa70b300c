import { parsePromDuration } from "../../lib/grafana/duration";
import type { AlertRuleGroup, FolderBody, ProvisionedAlertRule } from "../../lib/grafana/types";
import { GRAFANA_UID_RE } from "../../lib/grafana/uids";
import {
  DEFAULT_GROUP_INTERVAL, fail, groupKey, rulesInGroup,
  type ContractState, type Ctx, type Handler, type Reply, type StoredRule,
} from "./contract-state";

// Folders, alert rules and rule groups, as Grafana 11.4 answers them (see the README of the shared Grafana notes, test/grafana/spec.ts).

const validUid = (uid: string): boolean => uid.length >= 1 && uid.length <= 40 && GRAFANA_UID_RE.test(uid);
const newUid = (state: ContractState): string => `gen${state.nextId}${Math.random().toString(36).slice(2, 10)}`;

/** Grafana's own checks on a rule beyond the JSON schema; null when fine. */
function ruleProblem(rule: ProvisionedAlertRule, state: ContractState): string | null {
  if (rule.uid !== undefined && !validUid(rule.uid)) return `invalid uid "${rule.uid}": 1–40 characters of [a-zA-Z0-9-_]`;
  if (!state.folders.has(rule.folderUID)) return `folder does not exist: ${rule.folderUID}`;
  if (typeof rule.for !== "string" || parsePromDuration(rule.for) === null) return `invalid 'for': ${JSON.stringify(rule.for)}`;
  if (!rule.data?.length) return "invalid alert rule: no queries or expressions are found";
  const refIds = rule.data.map((q) => q.refId);
  if (new Set(refIds).size !== refIds.length) return "invalid alert rule: refIds must be unique";
  if (!refIds.includes(rule.condition)) return `invalid alert rule: condition ${rule.condition} does not exist, must be one of [${refIds.join(",")}]`;
  return null;
}

function store(state: ContractState, rule: ProvisionedAlertRule, provenance: string, prev?: StoredRule): StoredRule {
  const stored: StoredRule = {
    ...rule,
    orgID: 1,
    id: prev?.id ?? state.nextId++,
    uid: rule.uid ?? prev?.uid ?? newUid(state),
    updated: new Date().toISOString(),
    provenance,
  };
  state.rules.set(stored.uid, stored);
  const key = groupKey(stored.folderUID, stored.ruleGroup);
  if (!state.groupIntervals.has(key)) state.groupIntervals.set(key, DEFAULT_GROUP_INTERVAL);
  return stored;
}

const provenanceOf = (ctx: Ctx): string => (ctx.disableProvenance ? "" : "api");
// Only api → none is refused; none may become anything.
const provenanceClash = (stored: string, next: string): boolean => stored !== "" && stored !== next;

const createFolder: Handler = ({ body, state }) => {
  const f = body as FolderBody;
  const uid = f.uid || newUid(state);
  if (!validUid(uid)) return fail(400, "uid contains illegal characters or is too long", "folder.invalid-uid");
  if (!f.title) return fail(400, "folder title cannot be empty");
  if (state.folders.has(uid)) return fail(409, "a folder with the same uid already exists", "folder.conflict");
  if ([...state.folders.values()].some((x) => x.title === f.title)) return fail(409, "a folder with the same name already exists", "folder.title-conflict");
  const folder = { id: state.nextId++, uid, title: f.title, url: `/dashboards/f/${uid}/` };
  state.folders.set(uid, folder);
  return { status: 200, body: folder };
};

const getFolder: Handler = ({ params, state }) => {
  const f = state.folders.get(params.folder_uid ?? "");
  return f ? { status: 200, body: f } : fail(404, "folder not found", "folder.notFound");
};

const postRule: Handler = (ctx) => {
  const rule = ctx.body as ProvisionedAlertRule;
  const problem = ruleProblem(rule, ctx.state);
  if (problem) return fail(400, problem);
  if (rule.uid && ctx.state.rules.has(rule.uid)) return fail(400, `a conflicting alert rule is found: rule uid ${rule.uid} already exists`, "alerting.alert-rule.conflict");
  return { status: 201, body: store(ctx.state, rule, provenanceOf(ctx)) };
};

const putRule: Handler = (ctx) => {
  const prev = ctx.state.rules.get(ctx.params.UID ?? "");
  if (!prev) return { status: 404 };
  const rule = { ...(ctx.body as ProvisionedAlertRule), uid: prev.uid };
  const problem = ruleProblem(rule, ctx.state);
  if (problem) return fail(400, problem);
  const next = provenanceOf(ctx);
  if (provenanceClash(prev.provenance, next)) return fail(500, `failed to update alert rule: cannot change provenance from '${prev.provenance}' to '${next}'`);
  return { status: 200, body: store(ctx.state, rule, next, prev) };
};

const getRule: Handler = ({ params, state }) => {
  const r = state.rules.get(params.UID ?? "");
  return r ? { status: 200, body: r } : { status: 404 };
};

const deleteRule: Handler = (ctx) => {
  const r = ctx.state.rules.get(ctx.params.UID ?? "");
  if (!r) return { status: 204 };
  if (provenanceClash(r.provenance, provenanceOf(ctx))) return fail(409, "provenance mismatch", "alerting.provenanceMismatch");
  ctx.state.rules.delete(r.uid);
  return { status: 204 };
};

const getGroup: Handler = ({ params, state }) => {
  const folderUid = params.FolderUID ?? "";
  const title = params.Group ?? "";
  const rules = rulesInGroup(state, folderUid, title);
  if (rules.length === 0) return fail(404, "rule group does not exist", "alerting.rule-group.notFound");
  return { status: 200, body: { title, folderUid, interval: state.groupIntervals.get(groupKey(folderUid, title)), rules } };
};

function putGroup(ctx: Ctx): Reply {
  const folderUid = ctx.params.FolderUID ?? "";
  const title = ctx.params.Group ?? "";
  const g = ctx.body as AlertRuleGroup;
  if (!ctx.state.folders.has(folderUid)) return fail(400, `folder does not exist: ${folderUid}`);
  if (!Number.isInteger(g.interval) || g.interval <= 0 || g.interval % 10 !== 0) {
    return fail(400, `invalid interval ${g.interval}: must be a positive multiple of the base interval 10s`);
  }
  const key = groupKey(folderUid, title);
  if (g.rules === undefined) {
    ctx.state.groupIntervals.set(key, g.interval);
    return { status: 200, body: { ...g, title, folderUid } };
  }
  // The path wins over the body for every rule's folder and group.
  const rules = g.rules.map((r) => ({ ...r, folderUID: folderUid, ruleGroup: title }));
  const uids = rules.flatMap((r) => (r.uid ? [r.uid] : []));
  if (new Set(uids).size !== uids.length) return fail(400, "rule uids in a group must be unique");
  for (const r of rules) {
    const problem = ruleProblem(r, ctx.state);
    if (problem) return fail(400, `${r.title}: ${problem}`);
  }
  const next = provenanceOf(ctx);
  const keep = new Set(uids);
  for (const old of rulesInGroup(ctx.state, folderUid, title)) if (!keep.has(old.uid)) ctx.state.rules.delete(old.uid);
  ctx.state.groupIntervals.set(key, g.interval);
  // A group PUT may convert api rules to none (with the header): no provenance check here.
  for (const r of rules) store(ctx.state, r, next, r.uid ? ctx.state.rules.get(r.uid) : undefined);
  return { status: 200, body: { ...g, title, folderUid, rules } };
}

const deleteGroup: Handler = ({ params, state }) => {
  const rules = rulesInGroup(state, params.FolderUID ?? "", params.Group ?? "");
  if (rules.length === 0) return fail(404, "rule group does not exist", "alerting.rule-group.notFound");
  for (const r of rules) state.rules.delete(r.uid);
  return { status: 204 };
};

export const ruleHandlers: Record<string, Handler> = {
  "POST /folders": createFolder,
  "GET /folders/{folder_uid}": getFolder,
  "GET /v1/provisioning/alert-rules": ({ state }) => ({ status: 200, body: [...state.rules.values()] }),
  "POST /v1/provisioning/alert-rules": postRule,
  "GET /v1/provisioning/alert-rules/{UID}": getRule,
  "PUT /v1/provisioning/alert-rules/{UID}": putRule,
  "DELETE /v1/provisioning/alert-rules/{UID}": deleteRule,
  "GET /v1/provisioning/folder/{FolderUID}/rule-groups/{Group}": getGroup,
  "PUT /v1/provisioning/folder/{FolderUID}/rule-groups/{Group}": putGroup,
  "DELETE /v1/provisioning/folder/{FolderUID}/rule-groups/{Group}": deleteGroup,
};
