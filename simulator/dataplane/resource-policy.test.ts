import { describe, expect, it } from "vitest";
import { buildResourcePolicy, serializeResourcePolicy } from "../../lib/provisioning/resource-policy";
import { evaluateResourcePolicy, type PolicyRequest } from "./resource-policy";

const apiArn = "arn:aws:execute-api:eu-west-1:111111111111:a1b2c3d4e5";
const hubEndpoint = "vpce-0123456789abcdef0";
const otherEndpoint = "vpce-0fffffffffffffff0";

function invoke(context: PolicyRequest["context"], resourcePath = "prod/GET/orders/42"): PolicyRequest {
  return { action: "execute-api:Invoke", apiArn, resourceArn: `${apiArn}/${resourcePath}`, context };
}

/** A statement for anyone invoking anything, narrowed by `fields`. */
function statement(effect: "Allow" | "Deny", fields: Record<string, unknown> = {}) {
  return { Effect: effect, Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*", ...fields };
}

const policyOf = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });

const gatehousePolicy = serializeResourcePolicy(buildResourcePolicy([hubEndpoint]));

describe("evaluateResourcePolicy", () => {
  it("lets Gatehouse's deny-unless policy through only for the listed source endpoints", () => {
    expect(evaluateResourcePolicy(gatehousePolicy, invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("allow");
    expect(evaluateResourcePolicy(gatehousePolicy, invoke({ "aws:SourceVpce": otherEndpoint }))).toBe("explicitDeny");
  });

  it("denies a call without a source endpoint, as the negated condition matches an absent key", () => {
    expect(evaluateResourcePolicy(gatehousePolicy, invoke({}))).toBe("explicitDeny");
  });

  it("allows nothing without a policy or with an unreadable one", () => {
    expect(evaluateResourcePolicy(undefined, invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("implicitDeny");
    expect(evaluateResourcePolicy("{not json", invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("implicitDeny");
  });

  it("allows by source VPC with StringEquals, and denies implicitly when no Allow matches", () => {
    const policy = policyOf(statement("Allow", { Condition: { StringEquals: { "aws:SourceVpc": "vpc-0aaa" } } }));
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpc": "vpc-0aaa" }))).toBe("allow");
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpc": "vpc-0bbb" }))).toBe("implicitDeny");
  });

  it("scopes statements by resource: the short form, full ARNs and wildcards", () => {
    const policy = policyOf(
      statement("Allow", {
        Principal: { AWS: "*" },
        Action: "execute-api:*",
        Resource: "execute-api:/prod/GET/orders/*",
      }),
      statement("Deny", { Resource: `${apiArn}/prod/*/admin/*` }),
    );
    expect(evaluateResourcePolicy(policy, invoke({}, "prod/GET/orders/42"))).toBe("allow");
    expect(evaluateResourcePolicy(policy, invoke({}, "prod/POST/orders/42"))).toBe("implicitDeny");
    expect(evaluateResourcePolicy(policy, invoke({}, "prod/GET/admin/users"))).toBe("explicitDeny");
    expect(evaluateResourcePolicy(policy, invoke({}, "test/GET/orders/42"))).toBe("implicitDeny");
  });

  it("ignores statements for named principals, as the caller is anonymous", () => {
    const policy = policyOf(statement("Allow", { Principal: { AWS: "arn:aws:iam::111111111111:root" } }));
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("implicitDeny");
  });

  it("matches condition keys case-insensitively and honours IfExists and StringLike", () => {
    const policy = policyOf(
      statement("Allow", { Condition: { StringLike: { "AWS:SOURCEVPCE": "vpce-0123*" } } }),
      statement("Deny", { Condition: { StringNotEqualsIfExists: { "aws:SourceVpc": "vpc-0aaa" } } }),
    );
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": hubEndpoint, "aws:SourceVpc": "vpc-0aaa" }))).toBe(
      "allow",
    );
    expect(
      evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": otherEndpoint, "aws:SourceVpc": "vpc-0aaa" })),
    ).toBe("implicitDeny");
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": hubEndpoint, "aws:SourceVpc": "vpc-0bbb" }))).toBe(
      "explicitDeny",
    );
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("explicitDeny");
  });

  it("treats an unknown condition operator as not matching, so it neither allows nor denies", () => {
    const policy = policyOf(
      statement("Allow"),
      statement("Deny", { Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }),
    );
    expect(evaluateResourcePolicy(policy, invoke({ "aws:SourceVpce": hubEndpoint }))).toBe("allow");
  });

  it("reads the escaped form GetRestApi hands back", () => {
    expect(
      evaluateResourcePolicy(gatehousePolicy.replace(/"/g, '\\"'), invoke({ "aws:SourceVpce": hubEndpoint })),
    ).toBe("allow");
  });
});

describe("evaluateResourcePolicy for signed callers (AWS_IAM methods)", () => {
  const consumerRoot = "arn:aws:iam::333333333333:root";
  const iamPolicy = serializeResourcePolicy(
    buildResourcePolicy([hubEndpoint], [consumerRoot, "arn:aws:iam::222222222222:role/Reader"]),
  );
  const through = { "aws:SourceVpce": hubEndpoint };
  const as = (arn: string, accountId: string) => ({ ...invoke(through), principal: { arn, accountId } });

  it("allows a principal of a named account root, and a session of a named role", () => {
    expect(evaluateResourcePolicy(iamPolicy, as("arn:aws:sts::333333333333:assumed-role/Any/s1", "333333333333"))).toBe(
      "allow",
    );
    expect(
      evaluateResourcePolicy(iamPolicy, as("arn:aws:sts::222222222222:assumed-role/Reader/s2", "222222222222")),
    ).toBe("allow");
  });

  it("denies implicitly another role of a named account's neighbour, another account, and an anonymous caller", () => {
    expect(
      evaluateResourcePolicy(iamPolicy, as("arn:aws:sts::222222222222:assumed-role/Writer/s3", "222222222222")),
    ).toBe("implicitDeny");
    expect(evaluateResourcePolicy(iamPolicy, as("arn:aws:iam::444444444444:user/eve", "444444444444"))).toBe(
      "implicitDeny",
    );
    expect(evaluateResourcePolicy(iamPolicy, invoke(through))).toBe("implicitDeny");
  });

  it("still denies a named principal calling through an endpoint the policy does not allow", () => {
    const elsewhere = {
      ...as("arn:aws:sts::333333333333:assumed-role/Any/s1", "333333333333"),
      context: { "aws:SourceVpce": otherEndpoint },
    };
    expect(evaluateResourcePolicy(iamPolicy, elsewhere)).toBe("explicitDeny");
  });
});
