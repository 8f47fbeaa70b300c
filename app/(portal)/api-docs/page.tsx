import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { openApiDocument } from "@/lib/openapi/document";
import { OperationCard, type DocOperation } from "./_components/operation-card";

export const metadata: Metadata = { title: "API" };

// The OpenAPI document (GET /api/openapi.json) for people: every operation by area, with who may
// call it and the fields it takes. Read-only, so a server component renders it.
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const byTag = new Map<string, { method: string; path: string; op: DocOperation }[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, DocOperation>)) {
      const tag = op.tags[0] ?? "api";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  }
  return (
    <>
      <PageHeader
        title="API"
        description={
          <>
            {doc.info.description} Authenticate with the session cookie or <code>Authorization: Bearer pop_…</code> (Tokens page). The machine-readable
            description is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {doc.openapi}).
          </>
        }
      />
      <nav aria-label="API areas" className="card">
        <ul className="button-row">
          {[...byTag.keys()].map((tag) => (
            <li key={tag}>
              <a href={`#api-${tag}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="stack-lg">
        {[...byTag.entries()].map(([tag, ops]) => (
          <section key={tag} id={`api-${tag}`} aria-labelledby={`api-${tag}-heading`} className="stack">
            <h2 id={`api-${tag}-heading`}>{tag}</h2>
            {ops.map((o) => (
              <OperationCard key={`${o.method} ${o.path}`} method={o.method} path={o.path} op={o.op} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}
