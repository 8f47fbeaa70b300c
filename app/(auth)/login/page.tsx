import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/next-path";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Already signed in (e.g. a bookmarked login page): go straight on.
  if (await getCurrentUser()) redirect(safeNextPath(params.next));
  return (
    <main className="centered-page">
      <div className="card narrow login-card">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">◆</span> Ownership portal
        </p>
        <h1>Sign in</h1>
        <p className="muted">Who answers for each application — and who gets paged now.</p>
        <LoginForm next={safeNextPath(params.next)} />
      </div>
    </main>
  );
}
