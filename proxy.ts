import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// The first line of defence only: every page and route handler checks again on the server. Signed-out requests
// to pages go to sign-in; to APIs they get a 401.

const publicPaths = ["/signin", "/api/auth/", "/api/health", "/api/v1/openapi.json"];

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (publicPaths.some((path) => pathname === path || pathname.startsWith(path))) return NextResponse.next();
  // Personal access tokens carry no session: /api/v1 authenticates them itself (lib/http/v1-route.ts).
  if (pathname.startsWith("/api/v1/") && request.headers.has("authorization")) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET });
  if (token?.sub) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ code: "UNAUTHENTICATED", message: "Sign in to continue." }, { status: 401 });
  }
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
