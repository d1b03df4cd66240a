import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { defaultLocale, isLocale, locales, type Locale } from "./locales";

// Which language a request gets: the user's saved preference, else the switcher's cookie (signed out), else the
// browser's Accept-Language matched the way Intl does it (zh, zh-Hans, zh-SG → zh-CN), else English.

export type LocaleHints = {
  savedPreference?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
};

export function negotiateLocale({ savedPreference, cookie, acceptLanguage }: LocaleHints): Locale {
  if (isLocale(savedPreference)) return savedPreference;
  if (isLocale(cookie)) return cookie;
  if (!acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { "accept-language": acceptLanguage } })
    .languages()
    .filter((tag) => tag !== "*");
  // Chinese in any script or region is read as Simplified Chinese: the only Chinese the portal has.
  const mapped = requested.map((tag) => (/^zh\b/i.test(tag) ? "zh-CN" : tag));
  try {
    const found = match(mapped, [...locales], defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    return defaultLocale; // a malformed tag in the header
  }
}
