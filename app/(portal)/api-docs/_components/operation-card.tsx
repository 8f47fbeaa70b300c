import { SchemaFields, type Schema } from "./schema-fields";

export type DocOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: Schema }> } | { $ref: string }>;
};

/** One operation: method and path, what it does, who may call it, its parameters, body and answer. */
export function OperationCard({ method, path, op }: { method: string; path: string; op: DocOperation }) {
  const json = op.requestBody?.content["application/json"]?.schema;
  const others = Object.keys(op.requestBody?.content ?? {}).filter((t) => t !== "application/json");
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const answer = success && "content" in success[1] ? success[1].content?.["application/json"]?.schema : undefined;
  return (
    <article className="card" aria-labelledby={op.operationId}>
      <h3 id={op.operationId} className="mono">
        <span className="badge badge-neutral">{method}</span> {path}
      </h3>
      <p>{op.summary}</p>
      <p className="muted">
        {op.description}
        {op.security?.length === 0 ? " No session or token needed." : null}
        {success ? ` Success: ${success[0]}.` : null}
      </p>
      {op.parameters.length > 0 ? (
        <>
          <h4 className="section-subhead">Parameters</h4>
          <SchemaFields
            caption={`Parameters of ${method} ${path}`}
            schema={{ type: "object", properties: Object.fromEntries(op.parameters.map((p) => [`${p.name} (${p.in})`, p.schema])), required: op.parameters.filter((p) => p.required).map((p) => `${p.name} (${p.in})`) }}
          />
        </>
      ) : null}
      {json ? (
        <>
          <h4 className="section-subhead">JSON body{others.length > 0 ? ` (or the file itself as ${others.join(", ")})` : ""}</h4>
          <SchemaFields caption={`Body of ${method} ${path}`} schema={json} />
        </>
      ) : null}
      {answer ? (
        <details>
          <summary>Answer ({success?.[0]}); errors are the one error shape</summary>
          <SchemaFields caption={`Answer of ${method} ${path}`} schema={answer} />
        </details>
      ) : null}
    </article>
  );
}
