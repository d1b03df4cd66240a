import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { isPlatformAdmin, type CurrentUser } from "./permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findActiveUser } from "@/lib/users/sign-in";

/**
 * The signed-in user with memberships fresh from the database; null when signed out, deleted or disabled, or when the
 * session was ended (its session version is no longer the user's). Looked up once per page render (the layout, the
 * page and the request's language all ask); route handlers get a fresh lookup per call.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const { id, sessionVersion } = (session?.user ?? {}) as { id?: string; sessionVersion?: unknown };
  if (!id) return null;
  return findActiveUser(db(), id, { sessionVersion: typeof sessionVersion === "number" ? sessionVersion : -1 });
});

/** For route handlers and server actions: the user, or an UNAUTHENTICATED error. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return user;
}

/** For route handlers and server actions: a platform admin, or a FORBIDDEN error. */
export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", "Only platform admins may do this.");
  return user;
}

/** For pages: the user, or a redirect to sign-in. */
export async function pageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For admin pages: a platform admin; anyone else gets the 403 page with a 403 status. */
export async function pageAdmin(): Promise<CurrentUser> {
  const user = await pageUser();
  if (!isPlatformAdmin(user)) forbidden();
  return user;
}
