import Link from "next/link";
import type { ReactNode } from "react";
import { MainNav, type NavItem } from "@/components/main-nav";
import { QueryProvider } from "@/components/query-provider";
import { SignOutButton } from "@/components/sign-out-button";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin, roleLabel } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await pageUser();
  const admin = isPlatformAdmin(user);
  const items: NavItem[] = [
    { href: "/", label: "Home" },
    { href: "/requests", label: "My requests" },
    { href: "/catalog", label: "API catalog" },
    ...(admin
      ? [
          { href: "/approvals", label: "Approvals" },
          { href: "/accounts", label: "Accounts" },
        ]
      : []),
    { href: "/topology", label: "Topology" },
    { href: "/access", label: "My access" },
    ...(admin
      ? [
          { href: "/audit", label: "Audit log" },
          { href: "/settings/people", label: "People" },
        ]
      : []),
    { href: "/settings/tokens", label: "API tokens" },
  ];
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <Link href="/" className="brand">
          Gatehouse
        </Link>
        <div className="who">
          <span>{user.name}</span>
          <span className="email">{user.email}</span>
          <span className="role-badge">{roleLabel(user)}</span>
          <SignOutButton />
        </div>
      </header>
      <MainNav items={items} />
      <main id="main" className="main">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
