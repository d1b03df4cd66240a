import { createFormatter, createTranslator } from "use-intl/core";
import { messagesFor } from "./catalogues";
import { formats, timeZone } from "./formats";
import type { Locale } from "./locales";

// Words outside a React render (API errors, webhook texts, the worker): the same catalogues and formats as the pages.

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), formats, timeZone });
}

export function formatterFor(locale: Locale) {
  return createFormatter({ locale, formats, timeZone });
}
