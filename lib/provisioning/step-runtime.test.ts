import { describe, expect, it } from "vitest";
import { isTransient } from "./step-runtime";

const awsError = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe("isTransient", () => {
  it("retries throttling and server errors", () => {
    expect(isTransient(awsError("TooManyRequestsException", 429))).toBe(true);
    expect(isTransient(awsError("RequestLimitExceeded", 503))).toBe(true);
    expect(isTransient(awsError("SomethingNew", 502))).toBe(true);
  });

  it("stops on permissions and validation", () => {
    expect(isTransient(awsError("AccessDenied", 403))).toBe(false);
    expect(isTransient(awsError("UnauthorizedOperation", 403))).toBe(false);
    expect(isTransient(awsError("ValidationError", 400))).toBe(false);
  });
});
