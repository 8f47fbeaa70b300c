import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { TopNav } from "@/components/top-nav";
import { UserMenu } from "@/components/user-menu";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const sessionUser = { email: user.email, name: user.name, role: user.role, team: user.team };
  return (
    <Providers user={sessionUser}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link href="/apps/mine" className="brand">
            <span className="brand-mark" aria-hidden="true">◆</span> Ownership portal
          </Link>
          <TopNav />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </Providers>
  );
}
