import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import type { Messages } from "./catalogues";

// Text made far from any request (an error thrown deep in lib/, a check of the dry run, a webhook) is carried as a
// catalogue key with its values and put into words where the reader is known (lib/i18n/translate.ts on the server,
// components/translated-text.tsx in a page): the API answer in the caller's language, the log in English.

export type MessageValues = Record<string, string | number | Date>;
/** Any full key of the English catalogue ("errors.NOT_FOUND"); tsc rejects a key that does not exist. */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type Translatable = { key: MessageKey; values?: MessageValues };

export function isTranslatable(value: unknown): value is Translatable {
  return typeof value === "object" && value !== null && typeof (value as Translatable).key === "string";
}
