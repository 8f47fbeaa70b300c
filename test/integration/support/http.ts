import { checkAnswer, operationOf } from "./openapi-check";
import type { TestUser } from "./world";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P> = {
  as?: TestUser | { token: string } | null;
  body?: unknown;
  rawBody?: string;
  params?: P;
  query?: Record<string, string>;
  origin?: string;
  path?: string;
  headers?: Record<string, string>;
};

// Response bodies are read loosely in tests: the assertions themselves check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Result = { status: number; body: any; headers: Headers };

// Calls a route handler the way Next does: a real Request, params as a promise. Every answer
// is checked against the OpenAPI document (./openapi-check.ts): an undocumented status or a body
// that drifts from its schema fails the test.
export async function call<P>(handler: Handler<P>, method: string, opts: CallOptions<P> = {}): Promise<Result> {
  const url = new URL(opts.path ?? "/api/test", "http://127.0.0.1:3000");
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ host: "127.0.0.1:3000" });
  if (opts.as && "cookie" in opts.as) headers.set("cookie", opts.as.cookie);
  if (opts.as && "token" in opts.as) headers.set("authorization", `Bearer ${opts.as.token}`);
  if (opts.origin) headers.set("origin", opts.origin);
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers.set(k, v);
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  const contentType = res.headers.get("content-type");
  const parsed = text && contentType?.includes("application/json") ? JSON.parse(text) : text ? tryJson(text) : null;
  const op = await operationOf(handler);
  if (op) checkAnswer({ ...op, status: res.status, contentType, body: parsed });
  return { status: res.status, body: parsed, headers: res.headers };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
