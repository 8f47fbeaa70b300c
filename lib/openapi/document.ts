import { z } from "zod";
import { API_ROUTES, type Method } from "@/lib/http/route-table";
import { errorBodySchema, ERROR_STATUSES } from "@/lib/errors/error-schema";
import { OPERATIONS, type Operation } from "./operations";

// GET /api/openapi.json: an OpenAPI 3.1 document of every route in lib/http/route-table.ts,
// with the request schemas converted from the zod schemas the handlers parse with
// (z.toJSONSchema, the input side: what a client sends) and the answers from the response
// schemas beside the view builders (the output side). Pure: built once per process.

type JsonSchema = Record<string, unknown>;

// What cannot be said in JSON Schema (refinements, transforms) is left open ({}): the handler
// still enforces it, and answers 422 naming the field.
// Answers use the output side (what the server sends): their objects admit no other fields.
function jsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodType) {
  const s = jsonSchema(schema);
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  return Object.entries(props).map(([name, p]) => ({ name, in: "query", required: required.has(name) && p.default === undefined, schema: p }));
}

const ERROR = { $ref: "#/components/responses/Error" };
const tagOf = (path: string) => path.split("/")[2] ?? "api";

function operation(method: Method, path: string, op: Operation) {
  const pathParams = [...path.matchAll(/\[(\w+)\]/g)].map((m) => ({ name: m[1]!, in: "path", required: true, schema: { type: "string" } }));
  const status = String(op.status ?? 200);
  const content = op.produces
    ? { [op.produces]: { schema: { type: "string" } } }
    : { "application/json": { schema: op.response ? jsonSchema(op.response, "output") : { type: "object" } } };
  return {
    operationId: `${method.toLowerCase()}${path.replace(/^\/api/, "").replace(/\[(\w+)\]/g, "By-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    summary: op.summary,
    description: `Who: ${op.who}.${op.answer ? ` Answers ${op.answer}.` : ""}`,
    tags: [tagOf(path)],
    ...(op.public ? { security: [] } : {}),
    parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: jsonSchema(op.body) },
              ...Object.fromEntries((op.rawBodyTypes ?? []).map((t) => [t, { schema: { type: "string" } }])),
            },
          },
        }
      : {}),
    responses: {
      [status]: { description: op.answer ?? "Success", ...(status === "204" ? {} : { content }) },
      ...Object.fromEntries(ERROR_STATUSES.map((code) => [String(code), ERROR])),
    },
  };
}

export function buildOpenApiDocument(version = "0.1.0") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const item: Record<string, unknown> = {};
    for (const method of route.methods) {
      const op = OPERATIONS[`${method} ${route.path}` as keyof typeof OPERATIONS];
      if (!op) throw new Error(`lib/openapi/operations.ts has no entry for ${method} ${route.path}`);
      item[method.toLowerCase()] = operation(method, route.path, op);
    }
    paths[route.path.replace(/\[(\w+)\]/g, "{$1}")] = item;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Ownership portal API", version, description: "Who owns which app, who is paged, thresholds, findings. Errors are { error: { code, message, fields? } } (docs/api.md)." },
    servers: [{ url: "/" }],
    security: [{ session: [] }, { token: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "portal_session", description: "The browser session (POST /api/auth/login)" },
        token: { type: "http", scheme: "bearer", description: "An API token (pop_…), from the Tokens page or POST /api/tokens" },
      },
      schemas: {
        Error: jsonSchema(errorBodySchema, "output"),
      },
      responses: { Error: { description: "The one error shape; fields names each wrong field", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | null = null;
export const openApiDocument = () => (cached ??= buildOpenApiDocument());
