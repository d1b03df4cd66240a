import { defaultLocale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import type { MessageKey, MessageValues, Translatable } from "@/lib/i18n/translatable";

// What to do about a failure, as a failed step (and a failed consumer-endpoint change) stores it in its error JSON:
// `fix` stays the English sentence it always was (logs, the CLI, pages not yet translated), and `fixKey`/`fixValues`
// beside it let a page say it in its reader's language. AWS's own error message is stored apart, as AWS wrote it.

export type StoredFix = { fix: string; fixKey: MessageKey; fixValues?: MessageValues };

export function storedFix(fix: Translatable): StoredFix {
  return {
    fix: translate(fix, defaultLocale),
    fixKey: fix.key,
    ...(fix.values ? { fixValues: fix.values } : {}),
  };
}

/** A stored failure's fix for <TranslatedText>: its key when it has one, else the English stored before keys. */
export function fixOf(failure: Partial<StoredFix> | null | undefined): Translatable | string | undefined {
  if (failure?.fixKey) return { key: failure.fixKey, ...(failure.fixValues ? { values: failure.fixValues } : {}) };
  return failure?.fix;
}
