import type { CurrentUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { isPlatformAdmin } from "@/lib/auth/permissions";

// Stands in for lib/auth/current-user.ts in route-handler tests, where there is no next-auth cookie:
//   vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/signed-in-as"));
// then `signedIn.user = someone` (or null for anonymous). Everything after the session lookup is production code.

export const signedIn: { user: CurrentUser | null } = { user: null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return signedIn.user;
}

export async function requireUser(): Promise<CurrentUser> {
  if (!signedIn.user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return signedIn.user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", "Only platform admins may do this.");
  return user;
}
