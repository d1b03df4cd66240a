// Where the portal may send a browser after sign-in or any other redirect: a path on our own origin, nothing else.
// Browsers read `//host` and `/\host` as another site, and the URL parser turns `/.//host` into `//host`, so the
// value is parsed against a placeholder origin, must stay on it, and is returned in its normalized form.

const placeholder = "http://gatehouse.invalid";

/** The same-origin path (`/path?query#hash`) that `value` names, or null when it leads anywhere else. */
export function sameOriginPath(value: string | null | undefined, portalOrigin?: string): string | null {
  if (!value) return null;
  let candidate = value;
  if (portalOrigin && !value.startsWith("/")) {
    // An absolute URL is accepted only when it is exactly the portal's origin (next-auth passes some as absolute).
    const parsed = parseUrl(value);
    if (!parsed || parsed.origin !== new URL(portalOrigin).origin) return null;
    candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  }
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return null;
  const parsed = parseUrl(candidate, placeholder);
  if (!parsed || parsed.origin !== placeholder) return null;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  return path.startsWith("//") ? null : path;
}

/** `sameOriginPath`, or `fallback` when the value leads off-site. */
export function safeRedirectPath(value: string | null | undefined, fallback: string, portalOrigin?: string): string {
  return sameOriginPath(value, portalOrigin) ?? fallback;
}

function parseUrl(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}
