import { useTranslations } from "next-intl";
import { isTranslatable, type MessageValues, type Translatable } from "@/lib/i18n/translatable";

/**
 * Text the server made as a catalogue key with values (a check of the dry run, a fix, a reason), in the page's
 * language; plain text (an AWS error message, an identifier) as it is.
 */
export function TranslatedText({ message }: { message: string | Translatable }) {
  const t = useTranslations() as unknown as (key: string, values?: MessageValues) => string;
  return <>{isTranslatable(message) ? t(message.key, message.values) : message}</>;
}
