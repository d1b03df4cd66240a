"use client";

import { z } from "zod";
import { zodErrorMapFor } from "@/lib/i18n/zod-error-map";
import type { Locale } from "@/lib/i18n/locales";

// The Content-Security-Policy allows no eval (lib/http/security-headers.ts). Zod 4 compiles object parsers with
// `Function` where it may and probes for that with `Function("")` on the first parse, which the browser reports as a
// CSP violation although zod catches it. Without the JIT zod never probes; our forms parse as fast either way.
z.config({ jitless: true });

let configuredLocale: Locale | undefined;

/**
 * Rendered once in the root layout so this module runs in every page's bundle before any form parses; it also gives
 * zod's own messages in the browser the page's language (the server does the same per request in `parseBody`).
 */
export function ZodConfig({ locale }: { locale: Locale }): null {
  if (configuredLocale !== locale) {
    z.config({ localeError: zodErrorMapFor(locale) });
    configuredLocale = locale;
  }
  return null;
}
