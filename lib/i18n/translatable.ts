import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type { Messages } from "./catalogues";
import type { Locale } from "./locales";
import { translatorFor } from "./translator";

// Text made far from any request (an error thrown deep in lib/, a webhook, a check of the dry run) is carried as a
// catalogue key with its values and put into words where the reader is known: the API answer in the caller's language,
// the log in English.

export type MessageValues = Record<string, string | number | Date>;
/** Any full key of the English catalogue ("errors.NOT_FOUND"); tsc rejects a key that does not exist. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type Translatable = { key: MessageKey; values?: MessageValues };

export function isTranslatable(value: unknown): value is Translatable {
  return typeof value === "object" && value !== null && typeof (value as Translatable).key === "string";
}

export function translate(message: Translatable, locale: Locale): string {
  // The key is typed by `MessageKey`; the translator's own typing would also demand each key's exact values.
  const t = translatorFor(locale) as unknown as (key: string, values?: MessageValues) => string;
  return t(message.key, message.values);
}

/** A schema's own message is a catalogue key under "validation.", so one schema speaks every language. */
export function translateValidationMessage(message: string, locale: Locale): string {
  return message.startsWith("validation.") ? translate({ key: message as MessageKey }, locale) : message;
}
