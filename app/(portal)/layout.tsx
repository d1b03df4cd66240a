import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale-switcher";
import { MainNav, type NavItem } from "@/components/main-nav";
import { QueryProvider } from "@/components/query-provider";
import { SignOutButton } from "@/components/sign-out-button";
import { pageUser } from "@/lib/auth/current-user";
import { isPlatformAdmin, roleLabel } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const [user, t] = await Promise.all([pageUser(), getTranslations("shell")]);
  const admin = isPlatformAdmin(user);
  const items: NavItem[] = [
    { href: "/", label: t("nav.home") },
    { href: "/requests", label: t("nav.requests") },
    { href: "/catalog", label: t("nav.catalog") },
    ...(admin
      ? [
          { href: "/approvals", label: t("nav.approvals") },
          { href: "/accounts", label: t("nav.accounts") },
        ]
      : []),
    { href: "/topology", label: t("nav.topology") },
    { href: "/access", label: t("nav.access") },
    ...(admin
      ? [
          { href: "/audit", label: t("nav.audit") },
          { href: "/settings/people", label: t("nav.people") },
        ]
      : []),
    { href: "/settings/tokens", label: t("nav.tokens") },
  ];
  const roles = await getTranslations("roles");
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="header">
        <Link href="/" className="brand">
          Gatehouse
        </Link>
        <div className="who">
          <span>{user.name}</span>
          <span className="email">{user.email}</span>
          <span className="role-badge">{roles(roleLabel(user))}</span>
          <LocaleSwitcher className="locale-switcher" />
          <SignOutButton />
        </div>
      </header>
      <MainNav items={items} label={t("mainNav")} />
      <main id="main" className="main">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
