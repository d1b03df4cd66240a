import { localeCookie, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

/** The language of an API answer: the caller's saved choice when known, else the request's cookie and header. */
export function localeOfRequest(request: Request, savedPreference?: string | null): Locale {
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === localeCookie)?.[1];
  return negotiateLocale({ savedPreference, cookie, acceptLanguage: request.headers.get("accept-language") });
}
