"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCurrentUser } from "./current-user";

const links = [
  { href: "/apps/mine", label: "My apps" },
  { href: "/apps", label: "All apps" },
  { href: "/overview", label: "Team overview" },
  { href: "/tokens", label: "Tokens" },
  { href: "/profile", label: "Profile" },
  { href: "/api-docs", label: "API" },
] as const;

function isActive(pathname: string, href: string): boolean {
  if (href === "/apps") return pathname === "/apps" || (pathname.startsWith("/apps/") && !pathname.startsWith("/apps/mine"));
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function TopNav() {
  const pathname = usePathname();
  const me = useCurrentUser();
  return (
    <nav aria-label="Main" className="top-nav">
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={isActive(pathname, link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
        {me.role === "admin" || me.role === "lead" ? (
          <>
            <li>
              <Link href="/admin/people" aria-current={isActive(pathname, "/admin/people") ? "page" : undefined}>
                People
              </Link>
            </li>
            <li>
              <Link href="/admin/import" aria-current={isActive(pathname, "/admin/import") ? "page" : undefined}>
                Import
              </Link>
            </li>
          </>
        ) : null}
        {me.role === "admin" ? (
          <li>
            <Link href="/admin/grafana" aria-current={isActive(pathname, "/admin/grafana") ? "page" : undefined}>
              Admin <span aria-hidden="true">→</span> Grafana
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
