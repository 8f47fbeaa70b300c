import type { EmbeddedContactPoint, Folder, ProvisionedAlertRule, Route } from "../../lib/grafana/types";

// In-memory Grafana state behind the contract server; tests may read it directly.

export interface StoredRule extends ProvisionedAlertRule {
  id: number;
  uid: string;
  updated: string;
  provenance: string;
}

export interface ContractState {
  folders: Map<string, Folder>;
  rules: Map<string, StoredRule>;
  /** Evaluation interval per `${folderUid}/${group}`. */
  groupIntervals: Map<string, number>;
  contactPoints: Map<string, EmbeddedContactPoint & { uid: string; provenance: string }>;
  policies: Route;
  dataSources: Set<string>;
  nextId: number;
}

export const DEFAULT_RECEIVER = "grafana-default-email";
export const DEFAULT_GROUP_INTERVAL = 60;

export const defaultPolicyTree = (): Route => ({ receiver: DEFAULT_RECEIVER, group_by: ["grafana_folder", "alertname"] });

/** A fresh Grafana: the default email contact point and policy tree, no folders or rules. */
export function createContractState(dataSources: readonly string[]): ContractState {
  const contactPoints: ContractState["contactPoints"] = new Map();
  contactPoints.set("default-email-uid", {
    uid: "default-email-uid",
    name: DEFAULT_RECEIVER,
    type: "email",
    settings: { addresses: "<example@email.com>" },
    provenance: "",
  });
  return {
    folders: new Map(),
    rules: new Map(),
    groupIntervals: new Map(),
    contactPoints,
    policies: defaultPolicyTree(),
    dataSources: new Set(dataSources),
    nextId: 1,
  };
}

export const groupKey = (folderUid: string, group: string): string => `${folderUid}/${group}`;

export function rulesInGroup(state: ContractState, folderUid: string, group: string): StoredRule[] {
  return [...state.rules.values()].filter((r) => r.folderUID === folderUid && r.ruleGroup === group);
}

/** Receiver names used anywhere in the tree. */
export function treeReceivers(tree: Route, into = new Set<string>()): Set<string> {
  if (tree.receiver) into.add(tree.receiver);
  for (const r of tree.routes ?? []) treeReceivers(r, into);
  return into;
}

export function renameReceiver(tree: Route, from: string, to: string): void {
  if (tree.receiver === from) tree.receiver = to;
  for (const r of tree.routes ?? []) renameReceiver(r, from, to);
}

/** One parsed request as handlers see it. */
export interface Ctx {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** `X-Disable-Provenance` present (any value): writes get provenance none (""). */
  disableProvenance: boolean;
  state: ContractState;
}

/** `body: undefined` sends an empty body (Grafana's 404 on single rules). */
export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (ctx: Ctx) => Reply;

export const fail = (status: number, message: string, messageId?: string): Reply => ({
  status,
  body: messageId ? { message, messageId, statusCode: status } : { message, traceID: "" },
});
