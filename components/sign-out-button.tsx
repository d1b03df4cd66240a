"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <button type="button" className="button on-dark" onClick={() => void signOut({ callbackUrl: "/signin" })}>
      {t("signOut")}
    </button>
  );
}
