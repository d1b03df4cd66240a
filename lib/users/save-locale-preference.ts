import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";

/** The language a user chose in the header; it follows them to every browser they sign in from. */
export async function saveLocalePreference(db: Db, userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
