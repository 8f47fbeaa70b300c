import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import and export" };

export default async function ImportPage() {
  const user = await getCurrentUser();
  if (!user || (user.role !== "admin" && user.role !== "lead")) notFound();
  return (
    <>
      <PageHeader
        title="Import and export"
        description={
          <>
            Bring ownership in from a spreadsheet (CSV: appId,name,team,owner,backup) or a Backstage catalog (one Component per app,{" "}
            <code>spec.owner: group:&lt;team&gt;</code>). Preview first; applying changes everything or nothing.
            {user.role === "lead" ? ` As a lead you import only apps of ${user.team ?? "your team"}.` : null}
          </>
        }
      />
      <div className="stack-lg">
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Export</h2>
          <p className="button-row">
            <a className="button button-secondary" href="/api/export/ownership?format=csv" download>
              Download CSV
            </a>
            <a className="button button-secondary" href="/api/export/ownership?format=catalog" download>
              Download Backstage catalog
            </a>
          </p>
        </section>
        <ImportForm />
      </div>
    </>
  );
}
