import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFailureControls, type FailureControls } from "./contract-failures";
import { notifyHandlers } from "./contract-notify";
import { ruleHandlers } from "./contract-rules";
import { createContractState, fail, type ContractState, type Handler, type Reply } from "./contract-state";
import { GRAFANA_ENDPOINTS, type GrafanaEndpoint } from "../../lib/grafana/endpoints";
import { requestBodyOf } from "../../lib/grafana/request-bodies";

// A fake Grafana for tests and the benchmark: a real HTTP server that validates every request
// body against the project's own Grafana request schemas (lib/grafana/request-bodies.ts, which
// spec-conformance.test.ts pins to Grafana 11.4's Swagger spec wherever the shared Grafana spec
// exists) and answers as Grafana 11.4 does (statuses, empty 404 bodies, provenance rules).
// It needs nothing outside the repository. See docs/grafana.md.

export interface ContractServerOptions {
  /** Bearer token to require; random when omitted. */
  token?: string;
  /** Data source uids GET /api/datasources/uid/{uid} knows. Default ["prometheus"]. */
  dataSources?: string[];
}

export interface RequestLogEntry {
  method: string;
  /** Path including `/api`, without the query string. */
  path: string;
  /** 0 when the request was left hanging by an injected timeout. */
  status: number;
}

export interface GrafanaContractServer {
  /** Base URL (the client appends `/api`). */
  url: string;
  token: string;
  state: ContractState;
  failures: FailureControls;
  log: RequestLogEntry[];
  /** Calls so far, optionally only those matching `method` and/or a path prefix. */
  callCount(filter?: { method?: string; pathPrefix?: string }): number;
  resetLog(): void;
  close(): Promise<void>;
}

const HANDLERS: Record<string, Handler> = {
  "GET /health": () => ({ status: 200, body: { commit: "contract", database: "ok", version: "11.4.0" } }),
  "GET /datasources/uid/{uid}": ({ params, state }) =>
    state.dataSources.has(params.uid ?? "")
      ? { status: 200, body: { uid: params.uid, type: "prometheus", name: params.uid } }
      : fail(404, "Data source not found"),
  ...ruleHandlers,
  ...notifyHandlers,
};

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

type Route = { method: string; template: string; endpoint: GrafanaEndpoint | null; re: RegExp; literal: boolean };

// Every endpoint the client calls, plus the test-only reset of the policy tree.
const ROUTES: Route[] = [
  ...Object.entries(GRAFANA_ENDPOINTS).map(([name, e]) => ({ method: e.method, template: e.path, endpoint: name as GrafanaEndpoint })),
  { method: "DELETE", template: "/v1/provisioning/policies", endpoint: null },
]
  .map((r) => ({ ...r, re: new RegExp(`^${r.template.replace(/\{\w+\}/g, "[^/]+")}$`), literal: !r.template.includes("{") }))
  // literal paths win over templated ones (/alert-rules/export before /alert-rules/{UID})
  .sort((a, b) => Number(b.literal) - Number(a.literal));

function findRoute(method: string, path: string): Route | null {
  return ROUTES.find((r) => r.method === method && r.re.test(path)) ?? null;
}

function schemaErrors(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, body: unknown): string[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return (result.error?.issues ?? []).map((i) => `/${i.path.map(String).join("/")} ${i.message}`);
}

function paramsOf(template: string, path: string): Record<string, string> {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
  const re = new RegExp(`^${template.replace(/\{\w+\}/g, "([^/]+)")}$`);
  const values = re.exec(path)?.slice(1) ?? [];
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i] ?? "")]));
}

export async function startGrafanaContractServer(opts: ContractServerOptions = {}): Promise<GrafanaContractServer> {
  const token = opts.token ?? `glsa_contract_${randomBytes(8).toString("hex")}`;
  const state = createContractState(opts.dataSources ?? ["prometheus"]);
  const failures = createFailureControls();
  const log: RequestLogEntry[] = [];

  async function handle(req: IncomingMessage, method: string, apiPath: string, query: URLSearchParams): Promise<Reply> {
    const path = apiPath.slice("/api".length);
    const found = apiPath.startsWith("/api/") ? findRoute(method, path) : null;
    if (!found) return fail(404, "Not found");
    if (found.template !== "/health" && req.headers.authorization !== `Bearer ${token}`) return fail(401, "Unauthorized");
    const parsed = await readJson(req);
    if (!parsed.ok) return fail(400, "bad request data: invalid JSON");
    const body = found.endpoint ? requestBodyOf(found.endpoint) : null;
    if (body) {
      const errors = schemaErrors(body.schema, parsed.value);
      if (errors.length) return fail(400, `bad request data: ${body.definition} ${errors.join("; ")}`);
    }
    const handler = HANDLERS[`${method} ${found.template}`];
    if (!handler) return fail(501, `contract server does not implement ${method} ${found.template}`);
    const disableProvenance = req.headers["x-disable-provenance"] !== undefined;
    return handler({ method, params: paramsOf(found.template, path), query, body: parsed.value, disableProvenance, state });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://contract");
    const injected = failures.take(url.pathname);
    if (injected?.mode === "timeout") {
      log.push({ method, path: url.pathname, status: 0 });
      return; // never answer; close() destroys the socket
    }
    if (injected?.mode === "slow") await new Promise((r) => setTimeout(r, injected.delayMs ?? 1000));
    if (injected?.mode === "hold") await failures.hold();
    const reply = injected?.mode === "5xx"
      ? fail(injected.status ?? 503, "injected failure")
      : await handle(req, method, url.pathname, url.searchParams).catch((err: unknown) => fail(500, `contract server bug: ${String(err)}`));
    log.push({ method, path: url.pathname, status: reply.status });
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    res.writeHead(reply.status, text ? { "Content-Type": "application/json" } : {});
    res.end(text);
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    state,
    failures,
    log,
    callCount: (f = {}) => log.filter((e) => (!f.method || e.method === f.method) && (!f.pathPrefix || e.path.startsWith(f.pathPrefix))).length,
    resetLog: () => void log.splice(0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
