import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listTokens } from "@/lib/tokens/tokens";
import { CreateTokenForm } from "./_components/create-token-form";
import { TokensTable } from "./_components/tokens-table";

export const metadata: Metadata = { title: "API tokens" };

// A server component: the list is read from lib/tokens directly; creating or revoking a token
// refreshes the route (router.refresh) so the list is read again.
export default async function TokensPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/tokens");
  const tokens = await listTokens(user.id);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scripts and automation call the API as you. Treat them like passwords."
      />
      <div className="stack-lg">
        <CreateTokenForm />
        <TokensTable tokens={tokens} />
      </div>
    </>
  );
}
