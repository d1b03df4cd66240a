import { describe, expect, it } from "vitest";
import { clientAddress, forwardedHops } from "./client-address";

const request = (headers: Record<string, string>) =>
  new Request("http://localhost/api/auth/callback/demo", { headers });

describe("forwardedHops", () => {
  it("lists every hop, trimmed, from Headers and from next-auth's plain record alike", () => {
    expect(forwardedHops(new Headers({ "x-forwarded-for": " 203.0.113.7 , 127.0.0.1" }))).toEqual([
      "203.0.113.7",
      "127.0.0.1",
    ]);
    expect(forwardedHops({ "x-forwarded-for": ["203.0.113.7", "10.0.0.1, ::1"] })).toEqual([
      "203.0.113.7",
      "10.0.0.1",
      "::1",
    ]);
    expect(forwardedHops({ "x-forwarded-for": " , " })).toEqual([]);
    expect(forwardedHops({})).toEqual([]);
  });
});

describe("clientAddress", () => {
  it("is the first X-Forwarded-For hop, else X-Real-IP, else unknown", () => {
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.7, 127.0.0.1" }))).toBe("203.0.113.7");
    expect(clientAddress(request({ "x-real-ip": " 198.51.100.2 " }))).toBe("198.51.100.2");
    expect(clientAddress(request({}))).toBe("unknown");
  });
});
