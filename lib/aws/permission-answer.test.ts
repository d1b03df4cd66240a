import { describe, expect, it } from "vitest";
import { judgePermissionAnswer, probePermission } from "./permission-answer";

const awsError = (name: string, status: number, message = name) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

const failed = (name: string, status: number) => ({ ok: false as const, error: awsError(name, status) });

describe("judgePermissionAnswer", () => {
  it("proves a DryRun permission only by DryRunOperation", () => {
    expect(judgePermissionAnswer("dryRun", failed("DryRunOperation", 412)).verdict).toBe("allowed");
  });

  it("calls UnauthorizedOperation and AccessDenied denied, with AWS's words", () => {
    const unauthorized = judgePermissionAnswer("dryRun", {
      ok: false,
      error: awsError("UnauthorizedOperation", 403, "not authorized to perform ec2:CreateVpcEndpoint"),
    });
    expect(unauthorized).toEqual({
      verdict: "denied",
      detail: "UnauthorizedOperation: not authorized to perform ec2:CreateVpcEndpoint",
    });
    expect(judgePermissionAnswer("read", failed("AccessDenied", 403)).verdict).toBe("denied");
    expect(judgePermissionAnswer("read", failed("AccessDeniedException", 403)).verdict).toBe("denied");
  });

  it("does not count a 2xx answer to a DryRun call as proof", () => {
    const verdict = judgePermissionAnswer("dryRun", { ok: true });
    expect(verdict.verdict).toBe("unknown");
    expect(verdict.detail).toMatch(/without DryRunOperation/);
  });

  it("counts an answered read as proof, including a not-found probe resource", () => {
    expect(judgePermissionAnswer("read", { ok: true }).verdict).toBe("allowed");
    expect(judgePermissionAnswer("read", failed("LoadBalancerNotFound", 400)).verdict).toBe("allowed");
    expect(judgePermissionAnswer("read", failed("NoSuchResourceException", 400)).verdict).toBe("allowed");
    expect(judgePermissionAnswer("dryRun", failed("InvalidVpcID.NotFound", 400)).verdict).toBe("unknown");
  });

  it("leaves throttling and server errors unknown", () => {
    for (const kind of ["dryRun", "read"] as const) {
      expect(judgePermissionAnswer(kind, failed("RequestLimitExceeded", 503)).verdict).toBe("unknown");
      expect(judgePermissionAnswer(kind, failed("Throttling", 400)).verdict).toBe("unknown");
      expect(judgePermissionAnswer(kind, failed("InternalError", 500)).verdict).toBe("unknown");
    }
  });
});

describe("probePermission", () => {
  it("makes the call and judges what it answered", async () => {
    expect((await probePermission("dryRun", () => Promise.reject(awsError("DryRunOperation", 412)))).verdict).toBe(
      "allowed",
    );
    expect((await probePermission("dryRun", () => Promise.resolve({}))).verdict).toBe("unknown");
    expect((await probePermission("read", () => Promise.resolve({}))).verdict).toBe("allowed");
  });
});
