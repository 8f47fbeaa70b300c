import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths are allowed as ?next=, so the form cannot be used to bounce users elsewhere. */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/apps/mine";
  return next;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Already signed in (e.g. a bookmarked login page): go straight on.
  if (await getCurrentUser()) redirect(safeNext(params.next));
  return (
    <main className="centered-page">
      <div className="card narrow login-card">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">◆</span> Ownership portal
        </p>
        <h1>Sign in</h1>
        <p className="muted">Who answers for each application — and who gets paged now.</p>
        <LoginForm next={safeNext(params.next)} />
      </div>
    </main>
  );
}
