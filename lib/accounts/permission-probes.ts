import { GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
} from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTagsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { managedTagSpecifications } from "./role-policy";
import type { AccountClients } from "@/lib/aws/client-factory";
import { executeApiServiceName, type Partition } from "@/lib/aws/partition";

// One harmless call per action that tells whether the role has it: EC2 mutations with DryRun (DryRunOperation =
// allowed, UnauthorizedOperation = missing), reads as reads. Reads that need an ID get one that cannot exist, so
// "not found" proves the permission without touching anything. Actions without a probe here cannot be checked in
// advance (ELBv2 and API Gateway writes have no dry run).

export type ProbeTarget = { accountId: string; region: string; partition: Partition };

type Probe = (clients: AccountClients, target: ProbeTarget) => Promise<unknown>;

const missingVpc = "vpc-0000000000000000f";
const missingService = "vpce-svc-0000000000000000f";
const missingLoadBalancer = ({ partition, region, accountId }: ProbeTarget) =>
  `arn:${partition}:elasticloadbalancing:${region}:${accountId}:loadbalancer/net/gatehouse-probe/0000000000000000`;
const missingTargetGroup = ({ partition, region, accountId }: ProbeTarget) =>
  `arn:${partition}:elasticloadbalancing:${region}:${accountId}:targetgroup/gatehouse-probe/0000000000000000`;

export const permissionProbes: Record<string, Probe> = {
  "ec2:DescribeVpcs": ({ ec2 }) => ec2.send(new DescribeVpcsCommand({ MaxResults: 5 })),
  "ec2:DescribeSubnets": ({ ec2 }) => ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 })),
  "ec2:DescribeSecurityGroups": ({ ec2 }) => ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5 })),
  "ec2:DescribeRouteTables": ({ ec2 }) => ec2.send(new DescribeRouteTablesCommand({ MaxResults: 5 })),
  "ec2:DescribeAvailabilityZones": ({ ec2 }) => ec2.send(new DescribeAvailabilityZonesCommand({})),
  "ec2:DescribeNetworkInterfaces": ({ ec2 }) => ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcEndpoints": ({ ec2 }) => ec2.send(new DescribeVpcEndpointsCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcEndpointServices": ({ ec2 }) => ec2.send(new DescribeVpcEndpointServicesCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcEndpointServiceConfigurations": ({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcEndpointConnections": ({ ec2 }) => ec2.send(new DescribeVpcEndpointConnectionsCommand({ MaxResults: 5 })),
  "ec2:DescribeVpcEndpointServicePermissions": ({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: missingService })),
  "ec2:CreateVpcEndpoint": ({ ec2 }, target) =>
    ec2.send(
      new CreateVpcEndpointCommand({
        DryRun: true,
        VpcEndpointType: "Interface",
        VpcId: missingVpc,
        ServiceName: executeApiServiceName(target.region),
        TagSpecifications: managedTagSpecifications("vpc-endpoint"),
      }),
    ),
  "ec2:CreateVpcEndpointServiceConfiguration": ({ ec2 }, target) =>
    ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        DryRun: true,
        AcceptanceRequired: true,
        NetworkLoadBalancerArns: [missingLoadBalancer(target)],
        TagSpecifications: managedTagSpecifications("vpc-endpoint-service"),
      }),
    ),
  "ec2:ModifyVpcEndpointServicePermissions": ({ ec2 }) =>
    ec2.send(new ModifyVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: missingService })),
  "ec2:DeleteVpcEndpointServiceConfigurations": ({ ec2 }) =>
    ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ DryRun: true, ServiceIds: [missingService] })),
  "elasticloadbalancing:DescribeLoadBalancers": ({ elb }) => elb.send(new DescribeLoadBalancersCommand({ PageSize: 1 })),
  "elasticloadbalancing:DescribeTargetGroups": ({ elb }) => elb.send(new DescribeTargetGroupsCommand({ PageSize: 1 })),
  "elasticloadbalancing:DescribeListeners": ({ elb }, target) =>
    elb.send(new DescribeListenersCommand({ LoadBalancerArn: missingLoadBalancer(target) })),
  "elasticloadbalancing:DescribeTags": ({ elb }, target) =>
    elb.send(new DescribeTagsCommand({ ResourceArns: [missingLoadBalancer(target)] })),
  "elasticloadbalancing:DescribeTargetHealth": ({ elb }, target) =>
    elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: missingTargetGroup(target) })),
  "apigateway:GET": ({ apiGateway }) => apiGateway.send(new GetRestApisCommand({ limit: 1 })),
};

export type ProbeOutcome = { status: "passed" | "missing" | "inconclusive"; detail: string };

const deniedErrors = new Set(["UnauthorizedOperation", "AccessDenied", "AccessDeniedException", "UnauthorizedAccess"]);

/** What an AWS answer to a probe says about the permission. */
export function classifyProbeError(error: unknown): ProbeOutcome {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  if (name === "DryRunOperation") return { status: "passed", detail: "EC2 DryRun: the call would have succeeded." };
  if (deniedErrors.has(name)) return { status: "missing", detail: `${name}: ${message}` };
  if (/NotFound/i.test(name)) return { status: "passed", detail: `Allowed (AWS looked for a probe resource: ${name}).` };
  return { status: "inconclusive", detail: `${name}: ${message}` };
}
