import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { API_ROUTES } from "@/lib/http/route-table";
import { openApiDocument } from "@/lib/openapi/document";

// Every answer an integration test receives from a route handler is checked against
// GET /api/openapi.json: its status must be one the operation documents, and a JSON body must
// match that status's schema (the success schema, or the one error shape). A response that drifts
// from the document fails the test that received it, naming the route and the first mismatches.

const ROOT = path.resolve(import.meta.dirname, "../../..");
type Doc = ReturnType<typeof openApiDocument>;
type JsonSchema = Record<string, unknown>;
type ResponseObject = { $ref?: string; content?: Record<string, { schema: JsonSchema }> };

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction | null>();

function resolve(doc: Doc, r: ResponseObject): ResponseObject {
  if (!r.$ref) return r;
  const name = r.$ref.split("/").at(-1)!;
  return (doc.components.responses as Record<string, ResponseObject>)[name]!;
}

function schemaFor(doc: Doc, schema: JsonSchema): JsonSchema {
  if (typeof schema.$ref === "string") return (doc.components.schemas as Record<string, JsonSchema>)[schema.$ref.split("/").at(-1)!]!;
  return schema;
}

/** Fails (throws) when the answer is not what the document says this operation answers. */
export function checkAnswer(a: { method: string; path: string; status: number; contentType: string | null; body: unknown }): void {
  const doc = openApiDocument();
  const where = `${a.method} ${a.path} answered ${a.status}`;
  const item = (doc.paths as Record<string, Record<string, { responses: Record<string, ResponseObject> }>>)[a.path.replace(/\[(\w+)\]/g, "{$1}")];
  const op = item?.[a.method.toLowerCase()];
  if (!op) throw new Error(`${where}: the OpenAPI document has no such operation`);
  const documented = op.responses[String(a.status)];
  if (!documented) throw new Error(`${where}, a status the OpenAPI document does not list (${Object.keys(op.responses).join(", ")})`);
  if (a.status === 204 || !a.contentType?.includes("application/json")) return;
  const key = `${a.method} ${a.path} ${a.status}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const schema = resolve(doc, documented).content?.["application/json"]?.schema;
    validate = schema ? ajv.compile(schemaFor(doc, schema)) : null;
    validators.set(key, validate);
  }
  if (!validate) throw new Error(`${where} with JSON, which the OpenAPI document does not describe for this status`);
  if (!validate(a.body)) {
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`);
    throw new Error(`${where} with a body that does not match the OpenAPI document: ${errors.join("; ")}\n${JSON.stringify(a.body).slice(0, 500)}`);
  }
}

// Which route and method a handler function is: every route module of the table, imported once.
let handlers: Promise<Map<unknown, { method: string; path: string }>> | null = null;
async function loadHandlers() {
  const map = new Map<unknown, { method: string; path: string }>();
  for (const route of API_ROUTES) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, `app${route.path}/route.ts`))) as Record<string, unknown>;
    for (const method of route.methods) if (mod[method]) map.set(mod[method], { method, path: route.path });
  }
  return map;
}

/** The route-table operation a handler implements, or null for anything else (the 404 catch-all). */
export async function operationOf(handler: unknown): Promise<{ method: string; path: string } | null> {
  handlers ??= loadHandlers();
  return (await handlers).get(handler) ?? null;
}
