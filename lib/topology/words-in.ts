import type { Words } from "./topology-words";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageValues } from "@/lib/i18n/translatable";
import { translatorFor } from "@/lib/i18n/translator";

/** One translator for a whole drawing: a platform map puts thousands of labels into words. */
export function wordsIn(locale: Locale): Words {
  // The key is typed by `MessageKey`; the translator's own typing would also demand each key's exact values.
  const t = translatorFor(locale) as unknown as (key: string, values?: MessageValues) => string;
  return (message) => t(message.key, message.values);
}
