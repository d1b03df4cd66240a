import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

const production = { nonce: "bm9uY2U=", https: false, development: false };

/** The directive `name` of a policy, as its list of sources. */
function directive(policy: string, name: string): string[] | undefined {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return found?.slice(1);
}

describe("contentSecurityPolicy", () => {
  it("runs only scripts carrying this response's nonce, never inline or eval in production", () => {
    const scripts = directive(contentSecurityPolicy(production), "script-src");
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(directive(contentSecurityPolicy({ ...production, development: true }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("may not be framed, posts forms only to itself, loads no plugins", () => {
    const policy = contentSecurityPolicy(production);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "form-action")).toEqual(["'self'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "upgrade-insecure-requests")).toBeUndefined();
    expect(directive(contentSecurityPolicy({ ...production, https: true }), "upgrade-insecure-requests")).toEqual([]);
  });
});

describe("securityHeaders", () => {
  it("sets nosniff, a referrer policy, and HSTS only over https", () => {
    const plain = securityHeaders(production);
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
    });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ ...production, https: true })["Strict-Transport-Security"]).toMatch(/^max-age=63072000/);
  });
});

describe("newNonce", () => {
  it("is fresh for every response", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
