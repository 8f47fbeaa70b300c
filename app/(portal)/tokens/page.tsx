import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { CreateTokenForm } from "./_components/create-token-form";
import { TokensTable } from "./_components/tokens-table";

export const metadata: Metadata = { title: "API tokens" };

export default function TokensPage() {
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and automation call the API as you. Treat them like passwords."
      />
      <div className="stack-lg">
        <CreateTokenForm />
        <TokensTable />
      </div>
    </>
  );
}
