import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/api-route";
import { limitSignIn } from "@/lib/rate-limits/limit-sign-in";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's routes, with sign-in attempts rate-limited first (429 with Retry-After).
async function handle(request: Request, context: RouteContext) {
  const params = await context.params;
  try {
    await limitSignIn(db(), request, params.nextauth);
  } catch (error) {
    return errorResponse(request, error);
  }
  const handler = NextAuth(authOptions());
  return handler(request, { params });
}

export { handle as GET, handle as POST };
