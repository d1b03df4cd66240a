import {
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  type Tag,
} from "@aws-sdk/client-ec2";
import { executeApiServiceName } from "@/lib/aws/partition";

// The live network of a platform account, read through its role: what the hub form offers to pick from, and what
// the server checks a submitted hub against.

export type VpcOption = { id: string; name: string; cidrBlock: string };
export type SubnetOption = { id: string; name: string; availabilityZone: string; cidrBlock: string };
export type SecurityGroupOption = { id: string; name: string; description: string };
export type EndpointOption = { id: string; state: string; privateDns: boolean; subnetIds: string[] };
export type VpcNetwork = {
  subnets: SubnetOption[];
  securityGroups: SecurityGroupOption[];
  executeApiEndpoints: EndpointOption[];
};

function nameTag(tags: Tag[] | undefined): string {
  return tags?.find((tag) => tag.Key === "Name")?.Value ?? "";
}

export async function listVpcs(ec2: EC2Client): Promise<VpcOption[]> {
  const { Vpcs = [] } = await ec2.send(new DescribeVpcsCommand({}));
  return Vpcs.map((vpc) => ({ id: vpc.VpcId ?? "", name: nameTag(vpc.Tags), cidrBlock: vpc.CidrBlock ?? "" })).filter(
    (vpc) => vpc.id,
  );
}

export async function describeVpcNetwork(ec2: EC2Client, region: string, vpcId: string): Promise<VpcNetwork> {
  const inVpc = [{ Name: "vpc-id", Values: [vpcId] }];
  const [subnets, groups, endpoints] = await Promise.all([
    ec2.send(new DescribeSubnetsCommand({ Filters: inVpc })),
    ec2.send(new DescribeSecurityGroupsCommand({ Filters: inVpc })),
    ec2.send(
      new DescribeVpcEndpointsCommand({
        Filters: [...inVpc, { Name: "service-name", Values: [executeApiServiceName(region)] }],
      }),
    ),
  ]);
  return {
    subnets: (subnets.Subnets ?? [])
      .map((subnet) => ({
        id: subnet.SubnetId ?? "",
        name: nameTag(subnet.Tags),
        availabilityZone: subnet.AvailabilityZone ?? "",
        cidrBlock: subnet.CidrBlock ?? "",
      }))
      .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone)),
    securityGroups: (groups.SecurityGroups ?? []).map((group) => ({
      id: group.GroupId ?? "",
      name: group.GroupName ?? "",
      description: group.Description ?? "",
    })),
    executeApiEndpoints: (endpoints.VpcEndpoints ?? [])
      // Deleted or failed endpoints cannot carry traffic; "available" and the pending states can.
      .filter(
        (endpoint) =>
          !["deleted", "deleting", "failed", "rejected", "expired"].includes((endpoint.State ?? "").toLowerCase()),
      )
      .map((endpoint) => ({
        id: endpoint.VpcEndpointId ?? "",
        state: (endpoint.State ?? "").toLowerCase(),
        privateDns: endpoint.PrivateDnsEnabled ?? false,
        subnetIds: endpoint.SubnetIds ?? [],
      })),
  };
}

/**
 * What is wrong with a submitted hub network, per field, against the live VPC (catalogue keys, put into words where
 * shown); empty when it fits.
 */
export function hubNetworkProblems(
  network: VpcNetwork,
  picked: { subnetIds: string[]; securityGroupIds: string[]; executeApiEndpointId?: string },
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const subnets = picked.subnetIds.map((id) => network.subnets.find((subnet) => subnet.id === id));
  if (subnets.some((subnet) => !subnet)) problems.subnetIds = ["validation.hubs.subnetNotInVpc"];
  else if (new Set(subnets.map((subnet) => subnet?.availabilityZone)).size < 2)
    problems.subnetIds = ["validation.hubs.subnetsTwoZones"];
  if (picked.securityGroupIds.some((id) => !network.securityGroups.some((group) => group.id === id))) {
    problems.securityGroupIds = ["validation.hubs.securityGroupNotInVpc"];
  }
  if (
    picked.executeApiEndpointId &&
    !network.executeApiEndpoints.some((endpoint) => endpoint.id === picked.executeApiEndpointId)
  ) {
    problems.executeApiEndpointId = ["validation.hubs.endpointNotInVpc"];
  }
  return problems;
}
