import { describe, expect, it } from "vitest";
import { buildResourcePolicy, serializeResourcePolicy } from "./resource-policy";

describe("buildResourcePolicy", () => {
  it("denies invoke from every source VPC endpoint except the allowed ones, then allows", () => {
    const policy = buildResourcePolicy(["vpce-0b1c2d3e4f5a6b7c8", "vpce-0123456789abcdef0"]);
    const [deny, allow] = policy.Statement;
    expect(deny.Effect).toBe("Deny");
    expect(deny.Condition.StringNotEquals["aws:SourceVpce"]).toEqual(["vpce-0123456789abcdef0", "vpce-0b1c2d3e4f5a6b7c8"]);
    expect(allow).toEqual({ Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" });
  });

  it("lists an endpoint once however often it is given", () => {
    const policy = buildResourcePolicy(["vpce-0123456789abcdef0", "vpce-0123456789abcdef0"]);
    expect(policy.Statement[0].Condition.StringNotEquals["aws:SourceVpce"]).toEqual(["vpce-0123456789abcdef0"]);
  });

  it("refuses an empty allow-list, which would deny everyone", () => {
    expect(() => buildResourcePolicy([])).toThrow(/at least one VPC endpoint/);
  });

  it("refuses values that are not endpoint ids, so nothing can be injected into the condition", () => {
    expect(() => buildResourcePolicy(['vpce-1234"],"aws:SourceVpc":["vpc-1'])).toThrow(/VPC endpoint id/);
    expect(() => buildResourcePolicy(["*"])).toThrow(/VPC endpoint id/);
  });
});

describe("serializeResourcePolicy", () => {
  it("produces JSON that parses back to the same policy", () => {
    const policy = buildResourcePolicy(["vpce-0123456789abcdef0"]);
    expect(JSON.parse(serializeResourcePolicy(policy))).toEqual(policy);
  });

  it("refuses a policy longer than API Gateway accepts", () => {
    const many = Array.from({ length: 400 }, (_, index) => `vpce-${index.toString(16).padStart(17, "0")}`);
    expect(() => serializeResourcePolicy(buildResourcePolicy(many))).toThrow(/at most 8192/);
  });
});
