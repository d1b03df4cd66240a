import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginPath } from "./safe-redirect";

describe("sameOriginPath", () => {
  it("keeps a path on our own site, with its query and hash", () => {
    expect(sameOriginPath("/requests")).toBe("/requests");
    expect(sameOriginPath("/requests/abc?tab=runs#step-2")).toBe("/requests/abc?tab=runs#step-2");
    expect(sameOriginPath("/topology/a%2Fb")).toBe("/topology/a%2Fb");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash, which browsers read as a slash", "/\\evil.example"],
    ["backslash in the middle", "/\\/evil.example/x"],
    ["a tab the URL parser drops", "/\t/evil.example"],
    ["a newline the URL parser drops", "/\n/evil.example"],
    ["dot segments that collapse into //", "/.//evil.example"],
    ["an absolute URL elsewhere", "https://evil.example/requests"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "requests"],
    ["empty", ""],
  ])("refuses %s", (_, value) => {
    expect(sameOriginPath(value)).toBeNull();
  });

  it("accepts an absolute URL only on exactly the portal's origin", () => {
    expect(sameOriginPath("http://localhost:3000/requests?x=1", "http://localhost:3000")).toBe("/requests?x=1");
    expect(sameOriginPath("http://localhost:3001/requests", "http://localhost:3000")).toBeNull();
    expect(sameOriginPath("https://localhost:3000/requests", "http://localhost:3000")).toBeNull();
    expect(sameOriginPath("http://localhost:3000//evil.example", "http://localhost:3000")).toBeNull();
    expect(sameOriginPath("http://localhost:3000/requests")).toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it("falls back when the value leads off-site or is missing", () => {
    expect(safeRedirectPath("/\\evil.example", "/requests")).toBe("/requests");
    expect(safeRedirectPath(undefined, "/requests")).toBe("/requests");
    expect(safeRedirectPath("/audit", "/requests")).toBe("/audit");
  });
});
