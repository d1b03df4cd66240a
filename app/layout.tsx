import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ZodConfig } from "@/components/zod-config";
import { env, isDemoOnExternalDatabase } from "@/lib/env";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell");
  return { title: { default: "Gatehouse", template: "%s · Gatehouse" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts the request's CSP nonce (proxy.ts) on its scripts only then, and
  // the demo warning below reflects the running configuration, not the build's.
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("shell")]);
  return (
    <html lang={locale}>
      <body>
        {/* Inherits the request's locale, messages and formats (i18n/request.ts) for the client components. */}
        <NextIntlClientProvider>
          <ZodConfig locale={locale} />
          {isDemoOnExternalDatabase(env()) ? (
            <p className="alert demo-warning" role="alert">
              {t("demoWarning")}
            </p>
          ) : null}
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
