import { AppError } from "@/lib/errors";

// CSRF defence for cookie-authenticated mutations: the browser's Origin (or, without one, its Referer) must be the
// portal's own origin, scheme + host + port as configured in AUTH_URL. Never compared with Host or X-Forwarded-*:
// those are the client's to choose. A missing, `null` or malformed origin is refused like a foreign one (403).

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `request` may change something on behalf of the cookie it carries. */
export function isSameOriginRequest(request: Request, portalOrigin: string | undefined): boolean {
  if (safeMethods.has(request.method)) return true;
  if (!portalOrigin) return false;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  const expected = originOf(portalOrigin);
  return source !== null && expected !== null && originOf(source) === expected;
}

/** Throws a 403 unless `isSameOriginRequest`. */
export function assertSameOrigin(request: Request, portalOrigin: string | undefined): void {
  if (!isSameOriginRequest(request, portalOrigin)) {
    throw new AppError("FORBIDDEN", { key: "errors.http.crossSite" });
  }
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    // Opaque origins (data:, file:, "null" itself never parses) serialize as "null" and match nothing.
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
