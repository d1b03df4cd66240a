import { describe, expect, it } from "vitest";
import { isAccessDenied } from "@/lib/aws/access-denied";
import { fixFor, isEventualConsistencyMiss, isTransient } from "./step-runtime";
import { translate } from "@/lib/i18n/translate";

const awsError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

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

describe("isEventualConsistencyMiss", () => {
  it("recognises each service's not-found names, and nothing else", () => {
    expect(isEventualConsistencyMiss(awsError("LoadBalancerNotFoundException", 400))).toBe(true);
    expect(isEventualConsistencyMiss(awsError("InvalidVpcEndpointServiceId.NotFound", 400))).toBe(true);
    expect(isEventualConsistencyMiss(awsError("NotFoundException", 404))).toBe(true);
    expect(isEventualConsistencyMiss(awsError("AccessDenied", 403))).toBe(false);
    expect(isEventualConsistencyMiss(awsError("DuplicateLoadBalancerName", 400))).toBe(false);
  });
});

describe("a method verb the resource does not define", () => {
  const invalidMethod = Object.assign(new Error("Invalid Method identifier specified"), {
    name: "NotFoundException",
    $metadata: { httpStatusCode: 404 },
  });

  it("is never retried: neither transient nor an eventual-consistency miss, and the fix says what to do", () => {
    expect(isTransient(invalidMethod)).toBe(false);
    expect(isEventualConsistencyMiss(invalidMethod)).toBe(false);
    expect(translate(fixFor(invalidMethod), "en")).toContain("no method Gatehouse can test");
    const missingResource = Object.assign(new Error("Invalid Resource identifier specified"), {
      name: "NotFoundException",
    });
    expect(isEventualConsistencyMiss(missingResource)).toBe(true);
  });
});

describe("isAccessDenied", () => {
  it("recognises each service's way of refusing a call for lack of permission, and nothing else", () => {
    for (const name of [
      "AccessDenied",
      "AccessDeniedException",
      "UnauthorizedOperation",
      "UnrecognizedClientException",
      "AuthFailure",
    ]) {
      expect(isAccessDenied(awsError(name, 403)), name).toBe(true);
    }
    expect(isAccessDenied(awsError("TooManyRequestsException", 429))).toBe(false);
    expect(isAccessDenied(awsError("ValidationError", 400))).toBe(false);
  });
});
