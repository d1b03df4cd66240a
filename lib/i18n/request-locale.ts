import "server-only";
import { cookies, headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/current-user";
import { localeCookie, type Locale } from "./locales";
import { negotiateLocale } from "./negotiate-locale";

/** The language of the page being rendered: the signed-in user's saved choice, else the cookie, else the browser's. */
export async function requestLocale(): Promise<Locale> {
  const [user, cookieStore, headerList] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  return negotiateLocale({
    savedPreference: user?.locale,
    cookie: cookieStore.get(localeCookie)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
}
