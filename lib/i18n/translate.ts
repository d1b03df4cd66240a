import type { Locale } from "./locales";
import type { MessageKey, MessageValues, Translatable } from "./translatable";
import { translatorFor } from "./translator";

export function translate(message: Translatable, locale: Locale): string {
  // The key is typed by `MessageKey`; the translator's own typing would also demand each key's exact values.
  const t = translatorFor(locale) as unknown as (key: string, values?: MessageValues) => string;
  return t(message.key, message.values);
}

/** A schema's own message is a catalogue key under "validation.", so one schema speaks every language. */
export function translateValidationMessage(message: string, locale: Locale): string {
  return message.startsWith("validation.") ? translate({ key: message as MessageKey }, locale) : message;
}
