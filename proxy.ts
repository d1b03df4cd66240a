import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { toPublicError } from "@/lib/errors";
import { bodyLimitFor, bodyTooLarge, declaresBodyOver } from "@/lib/http/request-body";
import { sameOriginPath } from "@/lib/http/safe-redirect";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers";

// Runs before every request (pages, API, static files). It sets the security headers with a fresh CSP nonce, refuses
// an API body whose declared length is over the cap before anything reads it, and a cookie-carrying mutation from
// another origin (next-auth's own endpoints included), and is the first line of defence only: every route handler
// checks the origin again and every page and route handler authorizes on the server. Signed-out requests to pages go
// to sign-in; to APIs they get a 401.

const publicPaths = [
  "/signin",
  "/api/auth/",
  "/api/health",
  // The language switcher of the sign-in page (signed out, the choice is kept in a cookie).
  "/api/locale",
  "/api/v1/openapi.json",
  "/_next/",
  "/favicon.ico",
  "/robots.txt",
];

export async function proxy(request: NextRequest) {
  const config = env();
  const options = {
    nonce: newNonce(),
    https: config.AUTH_URL?.startsWith("https:") ?? false,
    development: config.NODE_ENV === "development",
  };
  const headers = securityHeaders(options);
  const response = await answer(request, contentSecurityPolicy(options), config.AUTH_URL);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function answer(request: NextRequest, policy: string, portalOrigin: string | undefined): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const bodyLimit = bodyLimitFor(pathname);
  if (pathname.startsWith("/api/") && declaresBodyOver(request.headers, bodyLimit))
    return refusal(bodyTooLarge(bodyLimit));
  // Next.js reads the nonce for its own inline and bundle scripts from the policy on the request (dynamic rendering).
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", policy);
  const next = () => NextResponse.next({ request: { headers: forwarded } });

  // Personal access tokens carry no session: /api/v1 authenticates them itself (lib/http/v1-route.ts), and a browser
  // cannot be made to send one, so no origin check either.
  if (pathname.startsWith("/api/v1/") && request.headers.has("authorization")) return next();
  try {
    assertSameOrigin(request, portalOrigin);
  } catch (error) {
    return refusal(error);
  }
  if (publicPaths.some((path) => pathname === path || pathname.startsWith(path))) return next();
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET });
  if (token?.sub) return next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ code: "UNAUTHENTICATED", message: "Sign in to continue." }, { status: 401 });
  }
  const signIn = new URL("/signin", request.url);
  const back = sameOriginPath(`${pathname}${search}`);
  if (back) signIn.searchParams.set("callbackUrl", back);
  return NextResponse.redirect(signIn);
}

function refusal(error: unknown): NextResponse {
  const { status, body } = toPublicError(error);
  return NextResponse.json(body, { status });
}

// Every path: the headers belong on static files and API answers as much as on pages.
export const config = {
  matcher: "/:path*",
};
