import type en from "@/messages/en.json";
import type { formats } from "@/lib/i18n/formats";
import type { Locale } from "@/lib/i18n/locales";

// Typed keys: `t("shell.nav.home")` is checked against messages/en.json by tsc, and the locale and named formats too.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}
