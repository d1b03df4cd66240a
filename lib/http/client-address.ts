// Where a request came from, read from X-Forwarded-For in one place for the rate limits and the demo sign-in. Next.js
// sets the header to the socket's address only when the client sent none, so each caller decides how far to believe
// it: the rate limits use it as a brake on floods (see clientAddress), demo sign-in only when no remote peer can
// connect at all (lib/auth/loopback-client.ts).

/** Request headers as a route handler (Headers) or next-auth's authorize (a plain record) sees them. */
export type RequestHeaders = Headers | Record<string, string | string[] | undefined>;

/** Every hop X-Forwarded-For names, the original client first; empty when the header is absent or blank. */
export function forwardedHops(headers: RequestHeaders): string[] {
  const value = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  return (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
}

/**
 * The address the rate limits count a request against: the first X-Forwarded-For hop, else X-Real-IP. Without a proxy
 * that overwrites the header a client can choose it, so limits keyed by it are a brake on floods, not an identity;
 * sign-in also counts per email.
 */
export function clientAddress(request: Request): string {
  return forwardedHops(request.headers)[0] || request.headers.get("x-real-ip")?.trim() || "unknown";
}
