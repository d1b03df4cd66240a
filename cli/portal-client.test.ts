import { describe, expect, it } from "vitest";
import { describeFailure } from "./portal-client.ts";

describe("describeFailure", () => {
  it("puts the portal's message first and each bad field on its own line", () => {
    expect(
      describeFailure(422, {
        code: "VALIDATION_FAILED",
        message: "Invalid port, apiName.",
        fieldErrors: { port: ["A port is between 1 and 65535."], apiName: ["Use letters.", "Too long."] },
      }),
    ).toBe(
      "422: Invalid port, apiName.\n  port: A port is between 1 and 65535.\n  apiName: Use letters.\n  apiName: Too long.",
    );
  });

  it("says what to do about a refused token or a missing permission", () => {
    expect(describeFailure(401, { code: "UNAUTHENTICATED", message: "Invalid token." })).toMatch(
      /^401: Invalid token\.\n.*create a new one at \/settings\/tokens/,
    );
    expect(describeFailure(403, { code: "FORBIDDEN", message: "This token lacks the scope approvals:write." })).toMatch(
      /^403: This token lacks the scope approvals:write\.\n.*scope/,
    );
  });

  it("copes with an answer that is not the portal's error shape", () => {
    expect(describeFailure(502, "<html>Bad gateway</html>")).toBe("502: the portal gave no reason.");
  });
});
