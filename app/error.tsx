"use client";

import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPages.error");
  return (
    <main className="signin">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </main>
  );
}
