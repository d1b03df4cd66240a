import { describe, expect, it } from "vitest";
import { requiredActions } from "./role-policy";
import { exampleTemplateUrl, quickCreateUrl, roleTemplate, type RoleTemplateInput } from "./role-template";

const application: RoleTemplateInput = {
  accountId: "222222222222",
  alias: "payments-prod",
  kind: "application",
  partition: "aws",
  regions: ["eu-west-1"],
  roleName: "GatehouseProvisioner",
  externalId: "gh-abc",
  portalPrincipalArn: "arn:aws:iam::123456789012:role/gatehouse-portal",
};
const platform: RoleTemplateInput = {
  ...application,
  accountId: "111111111111",
  kind: "platform",
  regions: ["eu-west-1", "eu-central-1"],
};

function role(input: RoleTemplateInput) {
  return roleTemplate(input).Resources.GatehouseRole.Properties;
}

function allActions(input: RoleTemplateInput): string[] {
  return role(input).Policies.flatMap((policy) =>
    policy.PolicyDocument.Statement.flatMap((statement) => statement.Action),
  );
}

function allResources(input: RoleTemplateInput): string[] {
  return role(input).Policies.flatMap((policy) =>
    policy.PolicyDocument.Statement.flatMap((statement) => [statement.Resource].flat()),
  );
}

describe("roleTemplate", () => {
  it("trusts only the portal's identity, and only with the account's ExternalId", () => {
    const template = roleTemplate(application);
    const [trust, ...others] = role(application).AssumeRolePolicyDocument.Statement;
    expect(others).toEqual([]);
    expect(trust).toEqual({
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:role/gatehouse-portal" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": { Ref: "ExternalId" } } },
    });
    expect(template.Parameters.ExternalId).toMatchObject({ Default: "gh-abc", AllowedValues: ["gh-abc"] });
    expect(template.Parameters.RoleName.Default).toBe("GatehouseProvisioner");
  });

  it("gives an application account endpoint-service actions and ELB reads, nothing of the platform side", () => {
    const actions = allActions(application);
    expect(actions).toEqual(
      expect.arrayContaining([
        "ec2:CreateVpcEndpointServiceConfiguration",
        "ec2:AcceptVpcEndpointConnections",
        "elasticloadbalancing:DescribeLoadBalancers",
      ]),
    );
    expect(
      actions.filter((action) => action.startsWith("apigateway:") || action.startsWith("elasticloadbalancing:Create")),
    ).toEqual([]);
    expect(actions).not.toContain("ec2:CreateVpcEndpoint");
  });

  it("gives a platform account endpoints, ELB writes and API Gateway on its regions' resources only", () => {
    const actions = allActions(platform);
    expect(actions).toEqual(
      expect.arrayContaining([
        "ec2:CreateVpcEndpoint",
        "elasticloadbalancing:CreateLoadBalancer",
        "apigateway:POST",
        "apigateway:UpdateRestApiPolicy",
      ]),
    );
    const apiResources = allResources(platform).filter((resource) => resource.includes(":apigateway:"));
    expect(apiResources).toContain("arn:aws:apigateway:eu-central-1::/vpclinks/*");
    expect(apiResources.every((resource) => /^arn:aws:apigateway:(eu-west-1|eu-central-1)::\//.test(resource))).toBe(
      true,
    );
  });

  it("limits changes to existing resources to those Gatehouse tagged", () => {
    const statements = role(application).Policies[0]!.PolicyDocument.Statement;
    const manage = statements.find((statement) =>
      statement.Action.includes("ec2:DeleteVpcEndpointServiceConfigurations"),
    );
    expect(manage?.Condition).toEqual({ StringEquals: { "aws:ResourceTag/gatehouse:managed": "true" } });
  });

  it("conditions every change on Gatehouse's tag, except the statements the README lists as unconditionable", () => {
    const isRead = (action: string) => /:(Describe|Get|List)[A-Z]/.test(action) || action === "apigateway:GET";
    for (const input of [application, platform]) {
      const changes = role(input).Policies[0]!.PolicyDocument.Statement.filter(
        (statement) => !statement.Action.every(isRead),
      );
      expect(changes.filter((statement) => statement.Resource === "*")).toEqual([]);
      const unconditioned = changes.filter((statement) => !statement.Condition).map((statement) => statement.Sid);
      expect(unconditioned).toEqual(
        input.kind === "platform"
          ? ["PlaceEndpointsInTheHub", "PrivateDnsForExecuteApiEndpoint", "VpcLinkV1Backing"]
          : [],
      );
    }
  });

  it("lets a create through only with gatehouse:managed on the request and only Gatehouse's tag keys", () => {
    const statements = role(platform).Policies[0]!.PolicyDocument.Statement;
    const creates = statements.filter(
      (statement) => statement.Sid.startsWith("Create") || statement.Sid.endsWith("CreateTagged"),
    );
    expect(creates.map((statement) => statement.Sid)).toEqual([
      "CreateEndpointsTagged",
      "ElbCreateTagged",
      "ApiGatewayCreateTagged",
    ]);
    for (const statement of creates) {
      expect(statement.Condition).toEqual({
        StringEquals: { "aws:RequestTag/gatehouse:managed": "true" },
        "ForAllValues:StringLike": { "aws:TagKeys": ["gatehouse:*", "Name"] },
      });
    }
    const apiChanges = statements.find((statement) => statement.Sid === "ManageGatehouseApis");
    expect(apiChanges?.Resource).toEqual([
      "arn:aws:apigateway:eu-west-1::/restapis/*",
      "arn:aws:apigateway:eu-west-1::/vpclinks/*",
      "arn:aws:apigateway:eu-central-1::/restapis/*",
      "arn:aws:apigateway:eu-central-1::/vpclinks/*",
    ]);
  });

  it("writes every ARN in the account's partition", () => {
    const china = {
      ...platform,
      partition: "aws-cn" as const,
      regions: ["cn-north-1"],
      portalPrincipalArn: "arn:aws-cn:iam::123456789012:role/p",
    };
    const arns = allResources(china).filter((resource) => resource.startsWith("arn:"));
    expect(arns.length).toBeGreaterThan(5);
    expect(arns.every((arn) => arn.startsWith("arn:aws-cn:"))).toBe(true);
    expect(
      allResources(platform)
        .filter((resource) => resource.startsWith("arn:"))
        .every((arn) => arn.startsWith("arn:aws:")),
    ).toBe(true);
  });

  it("lists each required action once", () => {
    const actions = requiredActions("platform", platform);
    expect(new Set(actions).size).toBe(actions.length);
    expect(actions).toContain("ec2:DescribeRouteTables");
  });
});

describe("quickCreateUrl", () => {
  it("opens the console of the partition with the stack name and the pinned parameters", () => {
    const url = new URL(
      quickCreateUrl({
        partition: "aws-cn",
        region: "cn-north-1",
        templateUrl: "https://b.s3.cn-north-1.amazonaws.com.cn/t.json",
        alias: "p",
        roleName: "R",
        externalId: "gh-x",
      }),
    );
    expect(url.host).toBe("console.amazonaws.cn");
    expect(url.searchParams.get("region")).toBe("cn-north-1");
    const fragment = new URLSearchParams(url.hash.slice(url.hash.indexOf("?") + 1));
    expect(url.hash.startsWith("#/stacks/quickcreate?")).toBe(true);
    expect(Object.fromEntries(fragment)).toEqual({
      templateURL: "https://b.s3.cn-north-1.amazonaws.com.cn/t.json",
      stackName: "gatehouse-role-p",
      param_RoleName: "R",
      param_ExternalId: "gh-x",
    });
  });
});

describe("exampleTemplateUrl", () => {
  it("shows an S3 object URL under the region's partition domain", () => {
    expect(exampleTemplateUrl("eu-west-1")).toBe("https://my-bucket.s3.eu-west-1.amazonaws.com/gatehouse-role.json");
    expect(exampleTemplateUrl("cn-north-1")).toBe(
      "https://my-bucket.s3.cn-north-1.amazonaws.com.cn/gatehouse-role.json",
    );
  });
});
