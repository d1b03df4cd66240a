import type { AccountKind } from "./account-schemas";
import type { Partition } from "@/lib/aws/partition";

// The least-privilege permissions of the role Gatehouse assumes in a registered account, per account kind
// (../shared/reference/aws-chain-facts.md §9). Reads stay broad. Every change is conditioned on the
// `gatehouse:managed` tag: a create must put it on the new resource (aws:RequestTag, with aws:TagKeys limiting the
// keys to Gatehouse's own and Name), tagging is allowed only as part of the creating call (ec2:CreateAction,
// elasticloadbalancing:CreateAction), and a change to an existing resource needs the tag on it (aws:ResourceTag; a
// REST API's resources, methods, integrations and deployments inherit the API's tags). The actions that cannot be
// conditioned this way are listed, with the reason, in the README's Security model.

export type PolicyStatement = {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
};

export type PolicyTarget = { partition: Partition; accountId: string; regions: readonly string[] };

/** The tag every provisioning step puts on what it creates; the roles refuse a create without it. */
export const managedTag = { Key: "gatehouse:managed", Value: "true" } as const;

/** TagSpecifications that satisfy the create conditions: what a DryRun must send to ask the same question as the call. */
export function managedTagSpecifications<T extends "vpc-endpoint" | "vpc-endpoint-service">(resourceType: T) {
  return [{ ResourceType: resourceType, Tags: [{ ...managedTag }] }];
}

const managedResource = { StringEquals: { [`aws:ResourceTag/${managedTag.Key}`]: managedTag.Value } };
const taggedOnCreate = {
  StringEquals: { [`aws:RequestTag/${managedTag.Key}`]: managedTag.Value },
  "ForAllValues:StringLike": { "aws:TagKeys": ["gatehouse:*", "Name"] },
};

export function rolePolicyStatements(kind: AccountKind, target: PolicyTarget): PolicyStatement[] {
  return kind === "application" ? applicationStatements(target) : platformStatements(target);
}

/** The role's permission policy document, as the template grants it and the simulator evaluates it. */
export function rolePolicyDocument(kind: AccountKind, target: PolicyTarget) {
  return { Version: "2012-10-17" as const, Statement: rolePolicyStatements(kind, target) };
}

/** Every action the role needs, in policy order. */
export function requiredActions(kind: AccountKind, target: PolicyTarget): string[] {
  return [...new Set(rolePolicyStatements(kind, target).flatMap((statement) => statement.Action))];
}

function arns(target: PolicyTarget, service: string, resources: string[]): string[] {
  return target.regions.flatMap((region) =>
    resources.map((resource) => `arn:${target.partition}:${service}:${region}:${target.accountId}:${resource}`),
  );
}

function applicationStatements(target: PolicyTarget): PolicyStatement[] {
  const endpointServices = arns(target, "ec2", ["vpc-endpoint-service/*"]);
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
        // The dry run reads the NLB's subnets and zones to match them with the hub's.
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeAvailabilityZones",
      ],
      Resource: "*",
    },
    {
      Sid: "CreateEndpointServiceTagged",
      Effect: "Allow",
      Action: ["ec2:CreateVpcEndpointServiceConfiguration"],
      Resource: endpointServices,
      Condition: taggedOnCreate,
    },
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
      Condition: managedResource,
    },
  ];
}

function platformStatements(target: PolicyTarget): PolicyStatement[] {
  const { partition, accountId } = target;
  const ec2 = (resources: string[]) => arns(target, "ec2", resources);
  const elb = (resources: string[]) => arns(target, "elasticloadbalancing", resources);
  const apiGateway = (paths: string[]) =>
    target.regions.flatMap((region) => paths.map((path) => `arn:${partition}:apigateway:${region}::${path}`));
  const loadBalancers = elb(["loadbalancer/net/*"]);
  const targetGroups = elb(["targetgroup/*"]);
  const listeners = elb(["listener/net/*"]);
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
        // API Gateway reads the endpoint service behind a V1 VPC link with the caller's permissions.
        "ec2:DescribeVpcEndpointServiceConfigurations",
      ],
      Resource: "*",
    },
    {
      // The hub's network the endpoint is placed in belongs to the platform team, not to Gatehouse: no tag to ask for.
      Sid: "PlaceEndpointsInTheHub",
      Effect: "Allow",
      Action: ["ec2:CreateVpcEndpoint"],
      Resource: ec2(["vpc/*", "subnet/*", "security-group/*"]),
    },
    {
      Sid: "CreateEndpointsTagged",
      Effect: "Allow",
      Action: ["ec2:CreateVpcEndpoint"],
      Resource: ec2(["vpc-endpoint/*"]),
      Condition: taggedOnCreate,
    },
    {
      // Tagging only as part of the create. Endpoint services too, so that the account check's DryRun (which asks
      // for a tagged endpoint service, as in an application account) answers for the V1-link grant below.
      Sid: "TagOnCreate",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: ec2(["vpc-endpoint/*", "vpc-endpoint-service/*"]),
      Condition: {
        StringEquals: { "ec2:CreateAction": ["CreateVpcEndpoint", "CreateVpcEndpointServiceConfiguration"] },
      },
    },
    {
      Sid: "ManageGatehouseEndpoints",
      Effect: "Allow",
      Action: ["ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"],
      Resource: ec2(["vpc-endpoint/*"]),
      Condition: managedResource,
    },
    {
      // Route 53 has no tag conditions; the private hosted zone is the one AWS makes for the endpoint's DNS name.
      Sid: "PrivateDnsForExecuteApiEndpoint",
      Effect: "Allow",
      Action: ["route53:AssociateVPCWithHostedZone"],
      Resource: `arn:${partition}:route53:::hostedzone/*`,
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
      Sid: "ElbCreateTagged",
      Effect: "Allow",
      Action: ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
      Resource: [...loadBalancers, ...targetGroups],
      Condition: taggedOnCreate,
    },
    {
      Sid: "ElbTagOnCreate",
      Effect: "Allow",
      Action: ["elasticloadbalancing:AddTags"],
      Resource: [...loadBalancers, ...targetGroups, ...listeners],
      Condition: {
        StringEquals: {
          "elasticloadbalancing:CreateAction": ["CreateLoadBalancer", "CreateTargetGroup", "CreateListener"],
        },
      },
    },
    {
      Sid: "ManageGatehouseLoadBalancers",
      Effect: "Allow",
      Action: [
        "elasticloadbalancing:CreateListener",
        "elasticloadbalancing:ModifyLoadBalancerAttributes",
        "elasticloadbalancing:DeleteLoadBalancer",
        "elasticloadbalancing:RegisterTargets",
        "elasticloadbalancing:DeregisterTargets",
        "elasticloadbalancing:ModifyTargetGroupAttributes",
        "elasticloadbalancing:DeleteTargetGroup",
        "elasticloadbalancing:DeleteListener",
      ],
      Resource: [...loadBalancers, ...targetGroups, ...listeners],
      Condition: managedResource,
    },
    {
      Sid: "ElbServiceLinkedRole",
      Effect: "Allow",
      Action: ["iam:CreateServiceLinkedRole"],
      Resource: `arn:${partition}:iam::${accountId}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`,
      Condition: { StringEquals: { "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com" } },
    },
    {
      // API Gateway makes and tags the endpoint service behind a V1 VPC link itself, with the caller's permissions:
      // Gatehouse's tag is never on it, so these cannot ask for it (README, Security model).
      Sid: "VpcLinkV1Backing",
      Effect: "Allow",
      Action: [
        "ec2:CreateVpcEndpointServiceConfiguration",
        "ec2:DeleteVpcEndpointServiceConfigurations",
        "ec2:ModifyVpcEndpointServicePermissions",
      ],
      Resource: ec2(["vpc-endpoint-service/*"]),
    },
    {
      // Placement and the dry run read the account's quotas; GetAWSDefaultServiceQuota has no resource type, so "*".
      // https://docs.aws.amazon.com/service-authorization/latest/reference/list_servicequotas.html
      Sid: "ReadQuotas",
      Effect: "Allow",
      Action: ["servicequotas:GetServiceQuota", "servicequotas:GetAWSDefaultServiceQuota"],
      Resource: "*",
    },
    {
      Sid: "ApiGatewayRead",
      Effect: "Allow",
      Action: ["apigateway:GET"],
      Resource: apiGateway(["/restapis", "/restapis/*", "/vpclinks", "/vpclinks/*", "/tags/*"]),
    },
    {
      Sid: "ApiGatewayCreateTagged",
      Effect: "Allow",
      Action: ["apigateway:POST", "apigateway:UpdateRestApiPolicy"],
      Resource: apiGateway(["/restapis", "/vpclinks"]),
      Condition: taggedOnCreate,
    },
    {
      Sid: "ManageGatehouseApis",
      Effect: "Allow",
      Action: [
        "apigateway:POST",
        "apigateway:PUT",
        "apigateway:PATCH",
        "apigateway:DELETE",
        "apigateway:UpdateRestApiPolicy",
      ],
      Resource: apiGateway(["/restapis/*", "/vpclinks/*"]),
      Condition: managedResource,
    },
  ];
}
