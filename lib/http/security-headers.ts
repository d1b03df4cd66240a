// The headers every response carries (pages, API, static files), set by proxy.ts. Scripts run only with the nonce
// of their own response: Next.js reads it from the Content-Security-Policy request header the proxy sets and puts it
// on its own inline and bundle scripts; 'strict-dynamic' lets those load their chunks. No 'unsafe-inline' script.

export type SecurityHeaderOptions = {
  /** A fresh value for every request (newNonce). */
  nonce: string;
  /** AUTH_URL is https: browsers are told to use https only (HSTS) and to upgrade any http subresource. */
  https: boolean;
  /** next dev: React's dev build evaluates code to rebuild server error stacks; never in production. */
  development: boolean;
};

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy({ nonce, https, development }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles only, and on purpose: React renders `style` attributes (React Flow positions every
    // node, edge and the viewport with them; our topology group nodes too), and a nonce can never cover an attribute
    // (it would also switch 'unsafe-inline' off). Injected CSS cannot run script; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    // data: and blob: for the topology's PNG/SVG export (html-to-image draws the diagram into a data: URL).
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    // Request and run IDs in our URLs stay on our own site; same-origin fetches keep the Referer the CSRF check reads.
    "Referrer-Policy": "same-origin",
    // For browsers without frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Two years, the preload list's minimum; only over https, where a browser honours it.
    ...(options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
