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
import { GetAWSDefaultServiceQuotaCommand, GetServiceQuotaCommand } from "@aws-sdk/client-service-quotas";
import { managedTagSpecifications } from "./role-policy";
import type { AccountClients } from "@/lib/aws/client-factory";
import { executeApiServiceName, type Partition } from "@/lib/aws/partition";
import type { ProbeKind } from "@/lib/aws/permission-answer";

// One harmless call per action that tells whether the role has it: EC2 mutations with DryRun, reads as reads. Reads
// that need an ID get one that cannot exist, so "not found" proves the permission without touching anything. What an
// answer proves is judged in one place (lib/aws/permission-answer.ts). Actions without a probe here cannot be checked
// in advance (ELBv2 and API Gateway writes have no dry run).

export type ProbeTarget = { accountId: string; region: string; partition: Partition };

type ProbeCall = (clients: AccountClients, target: ProbeTarget) => Promise<unknown>;
export type Probe = { kind: ProbeKind; call: ProbeCall };

const read = (call: ProbeCall): Probe => ({ kind: "read", call });
const dryRun = (call: ProbeCall): Probe => ({ kind: "dryRun", call });

// Any published quota answers; NLBs per Region is one the role reads anyway.
const probeQuota = { ServiceCode: "elasticloadbalancing", QuotaCode: "L-69A177A2" };
const missingVpc = "vpc-0000000000000000f";
const missingService = "vpce-svc-0000000000000000f";
const missingLoadBalancer = ({ partition, region, accountId }: ProbeTarget) =>
  `arn:${partition}:elasticloadbalancing:${region}:${accountId}:loadbalancer/net/gatehouse-probe/0000000000000000`;
const missingTargetGroup = ({ partition, region, accountId }: ProbeTarget) =>
  `arn:${partition}:elasticloadbalancing:${region}:${accountId}:targetgroup/gatehouse-probe/0000000000000000`;

export const permissionProbes: Record<string, Probe> = {
  "ec2:DescribeVpcs": read(({ ec2 }) => ec2.send(new DescribeVpcsCommand({ MaxResults: 5 }))),
  "ec2:DescribeSubnets": read(({ ec2 }) => ec2.send(new DescribeSubnetsCommand({ MaxResults: 5 }))),
  "ec2:DescribeSecurityGroups": read(({ ec2 }) => ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 5 }))),
  "ec2:DescribeRouteTables": read(({ ec2 }) => ec2.send(new DescribeRouteTablesCommand({ MaxResults: 5 }))),
  "ec2:DescribeAvailabilityZones": read(({ ec2 }) => ec2.send(new DescribeAvailabilityZonesCommand({}))),
  "ec2:DescribeNetworkInterfaces": read(({ ec2 }) => ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 5 }))),
  "ec2:DescribeVpcEndpoints": read(({ ec2 }) => ec2.send(new DescribeVpcEndpointsCommand({ MaxResults: 5 }))),
  "ec2:DescribeVpcEndpointServices": read(({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointServicesCommand({ MaxResults: 5 })),
  ),
  "ec2:DescribeVpcEndpointServiceConfigurations": read(({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({ MaxResults: 5 })),
  ),
  "ec2:DescribeVpcEndpointConnections": read(({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointConnectionsCommand({ MaxResults: 5 })),
  ),
  "ec2:DescribeVpcEndpointServicePermissions": dryRun(({ ec2 }) =>
    ec2.send(new DescribeVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: missingService })),
  ),
  "ec2:CreateVpcEndpoint": dryRun(({ ec2 }, target) =>
    ec2.send(
      new CreateVpcEndpointCommand({
        DryRun: true,
        VpcEndpointType: "Interface",
        VpcId: missingVpc,
        ServiceName: executeApiServiceName(target.region),
        TagSpecifications: managedTagSpecifications("vpc-endpoint"),
      }),
    ),
  ),
  "ec2:CreateVpcEndpointServiceConfiguration": dryRun(({ ec2 }, target) =>
    ec2.send(
      new CreateVpcEndpointServiceConfigurationCommand({
        DryRun: true,
        AcceptanceRequired: true,
        NetworkLoadBalancerArns: [missingLoadBalancer(target)],
        TagSpecifications: managedTagSpecifications("vpc-endpoint-service"),
      }),
    ),
  ),
  "ec2:ModifyVpcEndpointServicePermissions": dryRun(({ ec2 }) =>
    ec2.send(new ModifyVpcEndpointServicePermissionsCommand({ DryRun: true, ServiceId: missingService })),
  ),
  "ec2:DeleteVpcEndpointServiceConfigurations": dryRun(({ ec2 }) =>
    ec2.send(new DeleteVpcEndpointServiceConfigurationsCommand({ DryRun: true, ServiceIds: [missingService] })),
  ),
  "elasticloadbalancing:DescribeLoadBalancers": read(({ elb }) =>
    elb.send(new DescribeLoadBalancersCommand({ PageSize: 1 })),
  ),
  "elasticloadbalancing:DescribeTargetGroups": read(({ elb }) =>
    elb.send(new DescribeTargetGroupsCommand({ PageSize: 1 })),
  ),
  "elasticloadbalancing:DescribeListeners": read(({ elb }, target) =>
    elb.send(new DescribeListenersCommand({ LoadBalancerArn: missingLoadBalancer(target) })),
  ),
  "elasticloadbalancing:DescribeTags": read(({ elb }, target) =>
    elb.send(new DescribeTagsCommand({ ResourceArns: [missingLoadBalancer(target)] })),
  ),
  "elasticloadbalancing:DescribeTargetHealth": read(({ elb }, target) =>
    elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: missingTargetGroup(target) })),
  ),
  "apigateway:GET": read(({ apiGateway }) => apiGateway.send(new GetRestApisCommand({ limit: 1 }))),
  "servicequotas:GetServiceQuota": read(({ serviceQuotas }) =>
    serviceQuotas.send(new GetServiceQuotaCommand(probeQuota)),
  ),
  "servicequotas:GetAWSDefaultServiceQuota": read(({ serviceQuotas }) =>
    serviceQuotas.send(new GetAWSDefaultServiceQuotaCommand(probeQuota)),
  ),
};
