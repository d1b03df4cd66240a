import { describe, expect, it } from "vitest";
import { evaluatePolicies, wildcardMatch, type PolicyDocument, type PolicyStatement } from "./policy-evaluation";

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({ Version: "2012-10-17", Statement });
/** A one-statement policy on any resource that applies only under `Condition`. */
const conditional = (Effect: "Allow" | "Deny", Action: string, Condition: PolicyStatement["Condition"]) =>
  policy({ Effect, Action, Resource: "*", Condition });
const endpointService = "arn:aws:ec2:eu-west-1:222222222222:vpc-endpoint-service/vpce-svc-0abc";
const managed = { "gatehouse:managed": "true" };

describe("evaluatePolicies", () => {
  it("matches actions case-insensitively with wildcards, and resources with * and ?", () => {
    const document = policy(
      { Effect: "Allow", Action: "ec2:Describe*", Resource: "*" },
      {
        Effect: "Allow",
        Action: ["ELASTICLOADBALANCING:delete?oadBalancer"],
        Resource: "arn:aws:elasticloadbalancing:*:222222222222:loadbalancer/net/*",
      },
    );
    expect(evaluatePolicies([document], { action: "ec2:DescribeVpcs", resource: "*" })).toBe("allowed");
    expect(evaluatePolicies([document], { action: "ec2:CreateVpcEndpoint", resource: "*" })).toBe("implicitDeny");
    expect(
      evaluatePolicies([document], {
        action: "elasticloadbalancing:DeleteLoadBalancer",
        resource: "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/net/app/1",
      }),
    ).toBe("allowed");
    expect(
      evaluatePolicies([document], {
        action: "elasticloadbalancing:DeleteLoadBalancer",
        resource: "arn:aws:elasticloadbalancing:eu-west-1:333333333333:loadbalancer/net/app/1",
      }),
    ).toBe("implicitDeny");
    expect(
      evaluatePolicies([document], {
        action: "elasticloadbalancing:DeleteLoadBalancer",
        resource: "arn:aws:elasticloadbalancing:eu-west-1:222222222222:loadbalancer/app/web/1",
      }),
    ).toBe("implicitDeny");
    expect(wildcardMatch("a.b?c*", "a.bXc")).toBe(true);
    expect(wildcardMatch("a.b?c*", "aXbXc")).toBe(false);
  });

  it("lets an explicit Deny win over any Allow", () => {
    const document = policy(
      { Effect: "Allow", Action: "*", Resource: "*" },
      { Effect: "Deny", Action: "apigateway:PATCH", Resource: "*" },
    );
    expect(
      evaluatePolicies([document], {
        action: "apigateway:PATCH",
        resource: "arn:aws:apigateway:eu-west-1::/restapis/abc",
      }),
    ).toBe("explicitDeny");
    expect(
      evaluatePolicies([document], {
        action: "apigateway:GET",
        resource: "arn:aws:apigateway:eu-west-1::/restapis/abc",
      }),
    ).toBe("allowed");
  });

  it("allows a change to an existing resource only with the tag on it, and refuses one without the tag key at all", () => {
    const document = policy({
      Effect: "Allow",
      Action: "ec2:DeleteVpcEndpointServiceConfigurations",
      Resource: "arn:aws:ec2:*:222222222222:vpc-endpoint-service/*",
      Condition: { StringEquals: { "aws:ResourceTag/gatehouse:managed": "true" } },
    });
    const request = { action: "ec2:DeleteVpcEndpointServiceConfigurations", resource: endpointService };
    expect(evaluatePolicies([document], { ...request, resourceTags: managed })).toBe("allowed");
    expect(evaluatePolicies([document], { ...request, resourceTags: { "gatehouse:managed": "false" } })).toBe(
      "implicitDeny",
    );
    expect(evaluatePolicies([document], { ...request, resourceTags: { Name: "theirs" } })).toBe("implicitDeny");
    expect(evaluatePolicies([document], request)).toBe("implicitDeny");
  });

  it("allows a create only with the request's tag and only tag keys of the allowed set (ForAllValues:StringLike)", () => {
    const document = conditional("Allow", "elasticloadbalancing:CreateLoadBalancer", {
      StringEquals: { "aws:RequestTag/gatehouse:managed": "true" },
      "ForAllValues:StringLike": { "aws:TagKeys": ["gatehouse:*", "Name"] },
    });
    const create = (requestTags?: Record<string, string>) =>
      evaluatePolicies([document], { action: "elasticloadbalancing:CreateLoadBalancer", resource: "*", requestTags });
    expect(create({ ...managed, "gatehouse:request-id": "r1", Name: "nlb" })).toBe("allowed");
    expect(create({ ...managed, owner: "someone" })).toBe("implicitDeny");
    expect(create({ "gatehouse:request-id": "r1" })).toBe("implicitDeny");
    expect(create()).toBe("implicitDeny");
  });

  // ForAnyValue, StringNotEquals on a missing key, IfExists and service condition keys.
  const anyValue = conditional("Allow", "ec2:CreateTags", {
    "ForAnyValue:StringEquals": { "aws:TagKeys": ["gatehouse:managed"] },
    StringEquals: { "ec2:CreateAction": "CreateVpcEndpoint" },
  });
  const notEquals = conditional("Deny", "*", { StringNotEquals: { "aws:ResourceTag/team": "platform" } });
  const ifExists = conditional("Allow", "*", { StringEqualsIfExists: { "aws:ResourceTag/gatehouse:managed": "true" } });
  const createTags = { action: "ec2:CreateTags", resource: "*" };
  const deleteEndpoints = { action: "ec2:DeleteVpcEndpoints", resource: "*" };
  it.each<{
    name: string;
    document: PolicyDocument;
    request: Parameters<typeof evaluatePolicies>[1];
    decision: string;
  }>([
    {
      name: "ForAnyValue allows a tag set with the managed key, on the allowed create action",
      document: anyValue,
      request: {
        ...createTags,
        requestTags: { ...managed, Name: "x" },
        conditionKeys: { "ec2:CreateAction": "CreateVpcEndpoint" },
      },
      decision: "allowed",
    },
    {
      name: "a service condition key with another value denies",
      document: anyValue,
      request: {
        ...createTags,
        requestTags: { ...managed },
        conditionKeys: { "ec2:CreateAction": "CreateVpcEndpointServiceConfiguration" },
      },
      decision: "implicitDeny",
    },
    {
      name: "ForAnyValue denies a tag set without the managed key",
      document: anyValue,
      request: {
        ...createTags,
        requestTags: { Name: "x" },
        conditionKeys: { "ec2:CreateAction": "CreateVpcEndpoint" },
      },
      decision: "implicitDeny",
    },
    {
      name: "StringNotEquals matches a missing key",
      document: notEquals,
      request: deleteEndpoints,
      decision: "explicitDeny",
    },
    {
      name: "StringNotEquals does not match the equal value",
      document: notEquals,
      request: { ...deleteEndpoints, resourceTags: { team: "platform" } },
      decision: "implicitDeny",
    },
    {
      name: "IfExists matches a missing key",
      document: ifExists,
      request: { action: "ec2:DescribeVpcs", resource: "*" },
      decision: "allowed",
    },
    {
      name: "IfExists compares a present key",
      document: ifExists,
      request: { ...deleteEndpoints, resourceTags: { "gatehouse:managed": "no" } },
      decision: "implicitDeny",
    },
  ])("$name", ({ document, request, decision }) => {
    expect(evaluatePolicies([document], request)).toBe(decision);
  });

  it("refuses to guess an operator it does not know", () => {
    const document = conditional("Allow", "*", { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } });
    expect(() => evaluatePolicies([document], { action: "ec2:DescribeVpcs", resource: "*" })).toThrow(
      /NumericLessThan/,
    );
  });
});
