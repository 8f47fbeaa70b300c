import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { isPromDuration } from "../../lib/grafana/duration";

// Grafana's Swagger 2 spec, read at run time from ../shared/grafana (relative to the repo
// root; GRAFANA_SPEC_PATH overrides, e.g. for a git worktree elsewhere). It is never copied
// into the repo and only spec-conformance.test.ts reads it: the contract server validates
// against the project's own schemas (lib/grafana/request-bodies.ts), which that test pins here.

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SPEC_PATH = process.env.GRAFANA_SPEC_PATH
  ? path.resolve(process.env.GRAFANA_SPEC_PATH)
  : path.resolve(REPO_ROOT, "../shared/grafana/grafana-11.4.0-api-merged.swagger2.json");

type JsonObject = Record<string, unknown>;
interface SpecOperation {
  parameters?: { in: string; name: string; schema?: JsonObject }[];
  responses?: Record<string, unknown>;
}
export interface GrafanaSpec {
  basePath: string;
  paths: Record<string, Record<string, SpecOperation>>;
  definitions: Record<string, JsonObject>;
}

/**
 * Known defect in this spec: go-swagger split EmbeddedContactPoint.type's enum on ", ", so
 * every value but the first has a leading space (" email", " webhook") and a real body could
 * never validate. We trim enum strings; spec-conformance.test.ts asserts the defect is still
 * there so this patch is dropped when the spec is fixed.
 */
function trimEnums(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(trimEnums);
  if (typeof node !== "object" || node === null) return;
  const obj = node as JsonObject;
  if (Array.isArray(obj.enum)) obj.enum = obj.enum.map((v: unknown) => (typeof v === "string" ? v.trim() : v));
  Object.values(obj).forEach(trimEnums);
}

export function loadGrafanaSpec(file = SPEC_PATH): GrafanaSpec {
  if (!existsSync(file)) throw new Error(`Grafana spec not found at ${file}: it is read from ../shared/grafana at run time`);
  const spec = JSON.parse(readFileSync(file, "utf8")) as GrafanaSpec;
  trimEnums(spec.definitions);
  return spec;
}

const NUMERIC_FORMATS = ["int64", "int32", "uint64", "uint32", "uint16", "uint8", "double", "float"];

export interface SpecValidator {
  /** Ajv errors as readable lines; empty when `body` matches definition `name`. */
  validate(name: string, body: unknown): string[];
  /** The spec path template and operation for a concrete `/api`-relative path, or null. */
  findOperation(method: string, concretePath: string): { template: string; op: SpecOperation } | null;
}

export function createSpecValidator(spec: GrafanaSpec): SpecValidator {
  // Swagger 2 schemas are draft-4-ish with x-go-* and other unknown keywords: strict off.
  // Patterns are Go regexps (`\_`), invalid under the u flag: unicodeRegExp off.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
  addFormats.default(ajv, ["date-time", "uri"]);
  for (const f of NUMERIC_FORMATS) ajv.addFormat(f, { type: "number", validate: () => true });
  ajv.addFormat("duration", isPromDuration); // Go/Prometheus durations, not ISO 8601
  ajv.addFormat("table", true);
  ajv.addSchema({ $id: "grafana", definitions: spec.definitions });

  const compiled = new Map<string, ValidateFunction>();
  const templates = Object.keys(spec.paths).map((template) => ({
    template,
    re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`),
    literal: !template.includes("{"),
  }));
  // Literal paths win over templated ones (/alert-rules/export before /alert-rules/{UID}).
  templates.sort((a, b) => Number(b.literal) - Number(a.literal));

  return {
    validate(name, body) {
      let fn = compiled.get(name);
      if (!fn) {
        if (!spec.definitions[name]) throw new Error(`no definition ${name} in the Grafana spec`);
        fn = ajv.compile({ $ref: `grafana#/definitions/${name}` });
        compiled.set(name, fn);
      }
      if (fn(body)) return [];
      return (fn.errors ?? []).map((e) => `${e.instancePath || "(body)"} ${e.message ?? "invalid"}`);
    },
    findOperation(method, concretePath) {
      const hit = templates.find((t) => t.re.test(concretePath) && spec.paths[t.template]?.[method.toLowerCase()]);
      const op = hit && spec.paths[hit.template]?.[method.toLowerCase()];
      return hit && op ? { template: hit.template, op } : null;
    },
  };
}

/** `#/definitions/X` → `X`, for an operation's body parameter. */
export function bodyDefinition(op: SpecOperation): string | null {
  const ref = op.parameters?.find((p) => p.in === "body")?.schema?.$ref;
  return typeof ref === "string" ? ref.replace("#/definitions/", "") : null;
}
