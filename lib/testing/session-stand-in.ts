import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

// Stands in for lib/auth/current-user.ts in route tests, where no browser session exists: the test sets
// `session.user`, and the routes see that user exactly as they would see a signed-in one.
//   vi.mock("@/lib/auth/current-user", () => import("@/lib/testing/session-stand-in"));

export const session = { user: null as CurrentUser | null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return session.user;
}

export async function requireUser(): Promise<CurrentUser> {
  if (!session.user) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return session.user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isPlatformAdmin(user)) throw new AppError("FORBIDDEN", "Only platform admins may do this.");
  return user;
}
