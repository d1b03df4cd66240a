// The address a request came from, as the nearest proxy reports it: the first X-Forwarded-For entry (Next.js sets the
// header to the socket's address when no proxy did). Without a proxy that overwrites the header a client can choose
// it, so limits keyed by it are a brake on floods, not an identity; sign-in also counts per email.
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}
