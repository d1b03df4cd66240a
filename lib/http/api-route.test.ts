import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertSameOrigin, parseBody } from "./api-route";

const post = (headers: Record<string, string>) => new Request("http://gatehouse.local/api/x", { method: "POST", headers });

describe("assertSameOrigin", () => {
  it("accepts a mutation from our own origin and any read", () => {
    expect(() => assertSameOrigin(post({ origin: "http://gatehouse.local", host: "gatehouse.local" }))).not.toThrow();
    expect(() => assertSameOrigin(new Request("http://gatehouse.local/api/x", { headers: { origin: "http://evil.example" } }))).not.toThrow();
  });

  it("refuses a mutation from another site or without any origin", () => {
    expect(() => assertSameOrigin(post({ origin: "http://evil.example", host: "gatehouse.local" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(post({ host: "gatehouse.local" }))).toThrow(/Cross-site/);
  });
});

describe("parseBody", () => {
  it("names each bad field with its message", () => {
    const schema = z.object({ name: z.string().min(3), port: z.number().int() });
    try {
      parseBody(schema, { name: "ab", port: "x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: { name: [expect.any(String)], port: [expect.any(String)] } });
    }
  });
});
