import { describe, expect, it } from "vitest";
import { assertSameOrigin, isSameOriginRequest } from "./same-origin";

const portal = "https://gatehouse.example.com";
const post = (headers: Record<string, string>) =>
  new Request("https://gatehouse.example.com/api/x", { method: "POST", headers });

describe("isSameOriginRequest", () => {
  it("accepts a mutation whose Origin or Referer is the portal's origin, and any read", () => {
    expect(isSameOriginRequest(post({ origin: portal }), portal)).toBe(true);
    expect(isSameOriginRequest(post({ referer: `${portal}/requests/new` }), portal)).toBe(true);
    expect(isSameOriginRequest(post({ origin: portal }), `${portal}/`)).toBe(true);
    expect(
      isSameOriginRequest(new Request(`${portal}/api/x`, { headers: { origin: "https://evil.example" } }), portal),
    ).toBe(true);
  });

  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["Origin: null (sandboxed frames, redirects, file:)", { origin: "null" }],
    ["a malformed Origin", { origin: "::not a url::" }],
    ["another scheme", { origin: "http://gatehouse.example.com" }],
    ["another port", { origin: "https://gatehouse.example.com:8443" }],
    ["no Origin and no Referer", {}],
    [
      "a forged Host and X-Forwarded-Host that match the evil Origin",
      { origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" },
    ],
  ])("refuses %s", (_, headers) => {
    expect(isSameOriginRequest(post(headers), portal)).toBe(false);
  });

  it("refuses every mutation when the portal's origin is not configured", () => {
    expect(isSameOriginRequest(post({ origin: portal }), undefined)).toBe(false);
  });
});

describe("assertSameOrigin", () => {
  it("throws a 403, never a 500, for a malformed origin", () => {
    expect(() => assertSameOrigin(post({ origin: "null" }), portal)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => assertSameOrigin(post({ origin: "%%%" }), portal)).toThrow(/Cross-site/);
  });
});
