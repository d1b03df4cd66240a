import { describe, expect, it } from "vitest";
import type { Hub } from "../exposure";
import { checkChinaApiGateway } from "./check-china-regions";
import { CheckList, checkTextIn } from "./check-list";

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
      const english = { message: checkTextIn(check?.message ?? "", "en"), fix: checkTextIn(check?.fix ?? "", "en") };
      expect(english.message).toContain(`In ${region}, API Gateway serves an API without authorization only if`);
      expect(english.message).toContain("(311111111111) has an ICP filing");
      expect(english.fix).toContain("IAM authorization (AWS_IAM)");
      expect(english.fix).toContain("switch it to IAM authorization (AWS_IAM) on its access page");
    },
  );

  it("says the same in Chinese for a Chinese reader: only an account with an ICP filing, and IAM authorization", () => {
    const [check] = checksFor("cn-north-1");
    const message = checkTextIn(check?.message ?? "", "zh-CN");
    const fix = checkTextIn(check?.fix ?? "", "zh-CN");
    expect(message).toBe(
      "在 cn-north-1 区域，只有 API 所有者的账户（311111111111）已完成 ICP 备案，API Gateway 才会处理不带授权的 API 请求；" +
        "未备案时，即使经由中心的终端节点，对该私有 API 的调用也会被拒绝。",
    );
    expect(fix).toContain("账户 311111111111 已在 cn-north-1 区域完成 ICP 备案");
    expect(fix).toContain("IAM 授权（AWS_IAM）");
  });

  it("stores the finding as a catalogue key with its values, so the approver reads it in their own language", () => {
    const [check] = checksFor("cn-northwest-1");
    expect(check?.message).toEqual({
      key: "dryRun.china.icpFiling",
      values: { region: "cn-northwest-1", accountId: "311111111111" },
    });
  });

  it("says nothing outside China", () => {
    expect(checksFor("eu-west-1")).toEqual([]);
    expect(checksFor("us-gov-west-1")).toEqual([]);
  });
});
