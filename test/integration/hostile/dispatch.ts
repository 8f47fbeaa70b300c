import path from "node:path";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { matchApiRoute, type ApiRoute } from "@/lib/http/route-table";
import { checkAnswer } from "../support/openapi-check";

// Sends one request the way `next start` would: the proxy first (it may answer by itself —
// 400 for a malformed %-encoding, 405, redirects), then the route the table names, with its
// params decoded as Next decodes them, or the 404 catch-all. In-process, against the real
// database of the integration run.

const ROOT = path.resolve(import.meta.dirname, "../../..");
const modules = new Map<string, Record<string, unknown>>();

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function moduleOf(file: string): Promise<Record<string, unknown>> {
  let m = modules.get(file);
  if (!m) {
    m = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    modules.set(file, m);
  }
  return m;
}

function paramsOf(route: ApiRoute, pathname: string): Record<string, string> {
  const names = [...route.path.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
  const re = new RegExp(`^${route.path.replace(/\[\w+\]/g, "([^/]+)")}/?$`);
  const values = re.exec(pathname)?.slice(1) ?? [];
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i] ?? "")]));
}

export type Sent = { status: number; body: unknown; text: string; headers: Headers };

export type Outgoing = { method: string; path: string; headers?: Record<string, string>; body?: string };

export async function send(out: Outgoing): Promise<Sent> {
  const url = `http://127.0.0.1:3000${out.path}`;
  const headers = { host: "127.0.0.1:3000", ...(out.body !== undefined ? { "content-type": "application/json" } : {}), ...out.headers };
  const viaProxy = proxy(new NextRequest(url, { method: out.method, headers }));
  let res: Response;
  const handled = viaProxy.headers.get("x-middleware-next") === "1";
  if (!handled) res = viaProxy;
  else {
    const pathname = new URL(url).pathname;
    const route = matchApiRoute(pathname);
    const file = route ? `app${route.path}/route.ts` : "app/api/[...unknown]/route.ts";
    const mod = await moduleOf(file);
    const handler = (mod[out.method] ?? (out.method === "HEAD" ? mod.GET : undefined)) as Handler | undefined;
    if (!handler) throw new Error(`${out.method} ${out.path}: the proxy let through a method ${file} does not export`);
    const body = out.method === "GET" || out.method === "HEAD" ? undefined : out.body;
    res = await handler(new Request(url, { method: out.method, headers, body }), { params: Promise.resolve(route ? paramsOf(route, pathname) : {}) });
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  // answers of the route handlers (not the proxy's own) must be what the OpenAPI document says
  const route = handled ? matchApiRoute(new URL(url).pathname) : null;
  if (route && out.method !== "HEAD") checkAnswer({ method: out.method, path: route.path, status: res.status, contentType: res.headers.get("content-type"), body });
  return { status: res.status, body, text, headers: res.headers };
}
