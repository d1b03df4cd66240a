import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n/catalogues";
import { formats, timeZone } from "@/lib/i18n/formats";
import { requestLocale } from "@/lib/i18n/request-locale";

// next-intl's per-request configuration (no locale in the URL: one address per page, whatever the language).
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: messagesFor(locale), formats, timeZone };
});
