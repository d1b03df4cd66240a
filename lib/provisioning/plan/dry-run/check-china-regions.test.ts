import { describe, expect, it } from "vitest";
import type { Hub } from "../exposure";
import { checkChinaApiGateway } from "./check-china-regions";
import { CheckList } from "./check-list";

function checksFor(region: string) {
  const hub: Hub = {
    accountId: "311111111111",
    region,
    vpcId: "vpc-1",
    subnetIds: ["subnet-1", "subnet-2"],
    securityGroupIds: ["sg-1"],
    executeApiEndpointId: "vpce-0123456789abcdef0",
    linkMode: "v1",
  };
  const checks = new CheckList();
  checkChinaApiGateway(checks, hub);
  return checks.checks;
}

describe("the China regions' dry-run check", () => {
  it.each(["cn-north-1", "cn-northwest-1"])(
    "warns in %s that an API without authorization needs the hub account's ICP filing, and names IAM authorization",
    (region) => {
      const [check, ...others] = checksFor(region);
      expect(others).toEqual([]);
      expect(check).toMatchObject({ id: "apiGateway.icpFiling", status: "warning" });
      expect(check?.message).toContain(`In ${region}, API Gateway serves an API without authorization only if`);
      expect(check?.message).toContain("(311111111111) has an ICP filing");
      expect(check?.fix).toContain("IAM authorization (AWS_IAM)");
      expect(check?.fix).toContain("Gatehouse cannot create IAM-authorized methods yet");
    },
  );

  it("says nothing outside China", () => {
    expect(checksFor("eu-west-1")).toEqual([]);
    expect(checksFor("us-gov-west-1")).toEqual([]);
  });
});
