import { z } from "zod";
import type { Locale } from "./locales";

// zod's own messages ("Too small: expected …") in each language, from zod's bundled locales; a schema's own message
// (a "validation." catalogue key) takes precedence over these and is translated where it is shown.
const zodLocales = { en: z.locales.en, "zh-CN": z.locales.zhCN } satisfies Record<
  Locale,
  () => { localeError: unknown }
>;

export function zodErrorMapFor(locale: Locale): z.core.$ZodErrorMap {
  return zodLocales[locale]().localeError as z.core.$ZodErrorMap;
}
