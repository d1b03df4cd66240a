import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { answerSignInLimit } from "@/lib/rate-limits/answer-sign-in-limit";
import { limitSignIn } from "@/lib/rate-limits/limit-sign-in";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's routes, with sign-in attempts rate-limited first (429 with Retry-After; a person is shown why on the
// sign-in page).
async function handle(request: Request, context: RouteContext) {
  const params = await context.params;
  try {
    await limitSignIn(db(), request, params.nextauth);
  } catch (error) {
    if (isAppError(error) && error.code === "RATE_LIMITED") return answerSignInLimit(request, error);
    return errorResponse(request, error);
  }
  const handler = NextAuth(authOptions());
  return handler(request, { params });
}

export { handle as GET, handle as POST };
