import { describe, expect, it } from "vitest";
import { trustablePrincipalArn } from "./portal-identity";

describe("trustablePrincipalArn", () => {
  it("turns an assumed-role session into the role a trust policy can name, keeping the partition", () => {
    expect(trustablePrincipalArn("arn:aws:sts::123456789012:assumed-role/gatehouse-portal/i-0abc")).toBe(
      "arn:aws:iam::123456789012:role/gatehouse-portal",
    );
    expect(trustablePrincipalArn("arn:aws-cn:sts::123456789012:assumed-role/portal/session")).toBe(
      "arn:aws-cn:iam::123456789012:role/portal",
    );
  });

  it("keeps users and roles as they are", () => {
    expect(trustablePrincipalArn("arn:aws:iam::123456789012:user/ci")).toBe("arn:aws:iam::123456789012:user/ci");
  });
});
