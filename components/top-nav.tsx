"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/apps/mine", label: "My apps" },
  { href: "/apps", label: "All apps" },
  { href: "/overview", label: "Team overview" },
  { href: "/tokens", label: "Tokens" },
  { href: "/profile", label: "Profile" },
] as const;

function isActive(pathname: string, href: string): boolean {
  if (href === "/apps") return pathname === "/apps" || (pathname.startsWith("/apps/") && !pathname.startsWith("/apps/mine"));
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function TopNav() {
  const pathname = usePathname();
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
      </ul>
    </nav>
  );
}
