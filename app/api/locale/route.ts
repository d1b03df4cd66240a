import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { localeCookie, locales } from "@/lib/i18n/locales";
import { saveLocalePreference } from "@/lib/users/save-locale-preference";

const bodySchema = z.object({ locale: z.enum(locales, { error: "validation.locale" }) });
const oneYearSeconds = 365 * 24 * 60 * 60;

// PUT /api/locale – the header's language switcher. Open to everyone (the sign-in page has it too): it sets a cookie
// for this browser and, for a signed-in user, saves the choice on their profile, which then wins over the cookie.
export const PUT = apiRoute({ access: "public", body: bodySchema }, async ({ body }) => {
  const user = await getCurrentUser();
  if (user) await saveLocalePreference(db(), user.id, body.locale);
  const response = NextResponse.json({ locale: body.locale });
  response.cookies.set(localeCookie, body.locale, {
    path: "/",
    maxAge: oneYearSeconds,
    sameSite: "lax",
    httpOnly: true,
    secure: env().AUTH_URL?.startsWith("https:") ?? false,
  });
  return response;
});
