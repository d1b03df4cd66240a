import { describe, expect, it } from "vitest";
import { isLoopbackAddress, isLoopbackClient, listensOnLoopbackOnly } from "./loopback-client";

describe("isLoopbackAddress", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", " 127.0.0.1 "])(
    "%s is loopback",
    (address) => {
      expect(isLoopbackAddress(address)).toBe(true);
    },
  );

  it.each([
    "10.0.0.5",
    "192.168.1.20",
    "::ffff:10.0.0.5",
    "fe80::1",
    "::",
    "0.0.0.0",
    "localhost",
    "128.0.0.1",
    "",
    "unknown",
  ])("%s is not", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe("listensOnLoopbackOnly", () => {
  it("believes only a loopback IP literal: `localhost` is what Next.js records for every interface", () => {
    expect(listensOnLoopbackOnly("http://127.0.0.1:3000")).toBe(true);
    expect(listensOnLoopbackOnly("http://[::1]:3000")).toBe(true);
    expect(listensOnLoopbackOnly("http://localhost:3000")).toBe(false);
    expect(listensOnLoopbackOnly("http://192.168.1.20:3000")).toBe(false);
    expect(listensOnLoopbackOnly(undefined)).toBe(false);
  });
});

describe("isLoopbackClient", () => {
  const loopbackServer = "http://127.0.0.1:3000";

  it("signs in a browser on this machine", () => {
    expect(isLoopbackClient({ "x-forwarded-for": "127.0.0.1" }, loopbackServer)).toBe(true);
    expect(isLoopbackClient({ "x-forwarded-for": "::1" }, loopbackServer)).toBe(true);
  });

  it("refuses a remote client relayed by a local proxy", () => {
    expect(isLoopbackClient({ "x-forwarded-for": "203.0.113.7, 127.0.0.1" }, loopbackServer)).toBe(false);
  });

  it("refuses when the address is unknown", () => {
    expect(isLoopbackClient({}, loopbackServer)).toBe(false);
  });

  it("does not believe X-Forwarded-For at all when the server also listens on other interfaces", () => {
    // A remote peer's own `X-Forwarded-For: 127.0.0.1` survives Next.js; only the listen address rules it out.
    expect(isLoopbackClient({ "x-forwarded-for": "127.0.0.1" }, "http://localhost:3000")).toBe(false);
    expect(isLoopbackClient({ "x-forwarded-for": "127.0.0.1" }, undefined)).toBe(false);
  });
});
