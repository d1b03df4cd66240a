"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { callApi } from "@/components/api-client";
import { isLocale, localeNames, locales } from "@/lib/i18n/locales";

/** The header's language menu: saves the choice (for a signed-in user, on their profile too) and re-renders the page. */
export function LocaleSwitcher({ className }: { className?: string }) {
  const t = useTranslations("localeSwitcher");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<string>();
  return (
    <span className={className}>
      <label htmlFor="locale-switcher" className="visually-hidden">
        {t("label")}
      </label>
      <select
        id="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const chosen = event.target.value;
          if (!isLocale(chosen)) return;
          startTransition(async () => {
            try {
              await callApi("/api/locale", { method: "PUT", body: { locale: chosen } });
              setFailure(undefined);
              router.refresh();
            } catch (error) {
              setFailure(t("failed", { message: (error as Error).message }));
            }
          });
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
      {failure ? (
        <span role="alert" className="locale-failure">
          {failure}
        </span>
      ) : null}
    </span>
  );
}
