import type { AccountKind } from "./account-schemas";
import type { Partition } from "@/lib/aws/partition";

// The least-privilege permissions of the role Gatehouse assumes in a registered account, per account kind
// (../shared/reference/aws-chain-facts.md §9). Resources Gatehouse changes after creating them are limited by the
// `gatehouse:managed` tag every provisioning step puts on what it creates.

export type PolicyStatement = {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

export type PolicyTarget = { partition: Partition; accountId: string; regions: readonly string[] };

export const managedTagCondition = { StringEquals: { "aws:ResourceTag/gatehouse:managed": "true" } };

export function rolePolicyStatements(kind: AccountKind, target: PolicyTarget): PolicyStatement[] {
  return kind === "application" ? applicationStatements(target) : platformStatements(target);
}

/** Every action the role needs, in policy order. */
export function requiredActions(kind: AccountKind, target: PolicyTarget): string[] {
  return [...new Set(rolePolicyStatements(kind, target).flatMap((statement) => statement.Action))];
}

function applicationStatements({ partition, accountId }: PolicyTarget): PolicyStatement[] {
  const endpointServices = `arn:${partition}:ec2:*:${accountId}:vpc-endpoint-service/*`;
  return [
    {
      Sid: "ReadNlb",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeTags",
      ],
      Resource: "*",
    },
    {
      Sid: "ReadEndpointServices",
      Effect: "Allow",
      Action: [
        "ec2:DescribeVpcEndpointServiceConfigurations",
        "ec2:DescribeVpcEndpointServicePermissions",
        "ec2:DescribeVpcEndpointConnections",
        // Which consumer VPC endpoints this account owns: adding one of them needs no second admin.
        "ec2:DescribeVpcEndpoints",
      ],
      Resource: "*",
    },
    { Sid: "CreateEndpointService", Effect: "Allow", Action: ["ec2:CreateVpcEndpointServiceConfiguration"], Resource: "*" },
    {
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: endpointServices,
      Condition: { StringEquals: { "ec2:CreateAction": "CreateVpcEndpointServiceConfiguration" } },
    },
    {
      Sid: "ManageGatehouseEndpointServices",
      Effect: "Allow",
      Action: [
        "ec2:ModifyVpcEndpointServicePermissions",
        "ec2:AcceptVpcEndpointConnections",
        "ec2:RejectVpcEndpointConnections",
        "ec2:ModifyVpcEndpointServiceConfiguration",
        "ec2:DeleteVpcEndpointServiceConfigurations",
      ],
      Resource: endpointServices,
      Condition: managedTagCondition,
    },
  ];
}

function platformStatements({ partition, accountId, regions }: PolicyTarget): PolicyStatement[] {
  const ec2 = (resource: string) => regions.map((region) => `arn:${partition}:ec2:${region}:${accountId}:${resource}`);
  const apiGateway = (paths: string[]) =>
    regions.flatMap((region) => paths.map((path) => `arn:${partition}:apigateway:${region}::${path}`));
  return [
    {
      Sid: "Ec2Read",
      Effect: "Allow",
      Action: [
        "ec2:DescribeVpcEndpoints",
        "ec2:DescribeVpcEndpointServices",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeAvailabilityZones",
        // The remote-network preflight reads the hub subnets' routes to the transit gateway.
        "ec2:DescribeRouteTables",
      ],
      Resource: "*",
    },
    {
      Sid: "CreateInterfaceEndpoints",
      Effect: "Allow",
      Action: ["ec2:CreateVpcEndpoint"],
      Resource: [...ec2("vpc/*"), ...ec2("subnet/*"), ...ec2("security-group/*"), ...ec2("vpc-endpoint/*")],
    },
    {
      Sid: "TagEndpointOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: ec2("vpc-endpoint/*"),
      Condition: { StringEquals: { "ec2:CreateAction": "CreateVpcEndpoint" } },
    },
    {
      Sid: "ManageGatehouseEndpoints",
      Effect: "Allow",
      Action: ["ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"],
      Resource: ec2("vpc-endpoint/*"),
      Condition: managedTagCondition,
    },
    {
      Sid: "PrivateDnsForExecuteApiEndpoint",
      Effect: "Allow",
      Action: ["route53:AssociateVPCWithHostedZone"],
      Resource: "*",
    },
    {
      Sid: "ElbRead",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:DescribeLoadBalancers",
        "elasticloadbalancing:DescribeLoadBalancerAttributes",
        "elasticloadbalancing:DescribeTargetGroups",
        "elasticloadbalancing:DescribeTargetGroupAttributes",
        "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeTags",
      ],
      Resource: "*",
    },
    {
      Sid: "ElbWrite",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateLoadBalancer",
        "elasticloadbalancing:CreateTargetGroup",
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets",
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteListener",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:DeleteLoadBalancer",
      ],
      Resource: "*",
    },
    {
      Sid: "ElbTagOnCreate",
      Effect: "Allow",
      Action: ["elasticloadbalancing:AddTags"],
      Resource: "*",
      Condition: {
        StringEquals: { "elasticloadbalancing:CreateAction": ["CreateLoadBalancer", "CreateTargetGroup", "CreateListener"] },
      },
    },
    {
      Sid: "ElbServiceLinkedRole",
      Effect: "Allow",
      Action: ["iam:CreateServiceLinkedRole"],
      Resource: "*",
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      Sid: "VpcLinkV1Backing",
      Effect: "Allow",
      Action: [
        "ec2:CreateVpcEndpointServiceConfiguration",
        "ec2:DeleteVpcEndpointServiceConfigurations",
        "ec2:DescribeVpcEndpointServiceConfigurations",
        "ec2:ModifyVpcEndpointServicePermissions",
      ],
      Resource: "*",
    },
    {
      Sid: "ApiGateway",
      Effect: "Allow",
      Action: ["apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE"],
      Resource: apiGateway(["/restapis", "/restapis/*", "/vpclinks", "/vpclinks/*", "/tags/*"]),
    },
    {
      Sid: "ApiGatewayPolicy",
      Effect: "Allow",
      Action: ["apigateway:UpdateRestApiPolicy"],
      Resource: apiGateway(["/restapis/*"]),
    },
  ];
}
