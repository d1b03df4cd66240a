import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseBody } from "./api-route";

describe("parseBody", () => {
  it("names each bad field with its message", () => {
    const schema = z.object({ name: z.string().min(3), port: z.number().int() });
    try {
      parseBody(schema, { name: "ab", port: "x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: "VALIDATION_FAILED",
        fieldErrors: { name: [expect.any(String)], port: [expect.any(String)] },
      });
    }
  });
});
