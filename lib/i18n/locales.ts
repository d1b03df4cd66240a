// The portal's languages. Identifiers (API error codes, audit actions, OpenAPI) never change with them; only the human
// text does.

export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Set by the header's language switcher; read when the user has saved no preference (signed out, the sign-in page). */
export const localeCookie = "gatehouse-locale";

/** Each language's own name for itself, as the switcher lists it. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
