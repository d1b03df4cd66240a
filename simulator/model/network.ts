import type { ResourceBase } from "../core/world";

// EC2 networking resources. Collections: "ec2.vpc", "ec2.subnet", "ec2.securityGroup", "ec2.routeTable",
// "ec2.transitGateway", "ec2.networkInterface".

export type Vpc = ResourceBase & {
  cidrBlock: string;
  isDefault: boolean;
  enableDnsSupport: boolean;
  enableDnsHostnames: boolean;
};

export type Subnet = ResourceBase & {
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  /** IPs handed out so far (ENIs), so each new one is unique within the CIDR. */
  allocatedIps: string[];
};

export type SecurityGroupRule = { protocol: string; fromPort: number; toPort: number; cidrs: string[] };

export type SecurityGroup = ResourceBase & {
  vpcId: string;
  groupName: string;
  description: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
};

export type Route = {
  destinationCidrBlock: string;
  /** "local", a transit gateway (tgw-…), a virtual private gateway (vgw-…) or another target id. */
  target: string;
  state: "active" | "blackhole";
};

export type RouteTable = ResourceBase & {
  vpcId: string;
  /** Subnets explicitly associated; the main table applies to the rest. */
  subnetIds: string[];
  main: boolean;
  routes: Route[];
};

/**
 * A transit gateway (or Direct Connect / VPN gateway) and the remote networks it reaches. The simulator does not
 * model TGW route tables or attachments in detail: a CIDR listed here is reachable through it.
 */
export type TransitGateway = ResourceBase & {
  description: string;
  remoteNetworks: { name: string; cidrBlock: string }[];
};

export type NetworkInterface = ResourceBase & {
  vpcId: string;
  subnetId: string;
  availabilityZone: string;
  privateIpAddress: string;
  description: string;
  interfaceType: "interface" | "vpc_endpoint" | "network_load_balancer" | "api_gateway_managed";
  requesterManaged: boolean;
  status: "available" | "in-use";
  /** What the ENI belongs to: a VPC endpoint id, a load balancer ARN, a VPC link id. */
  attachedTo?: string;
  securityGroupIds: string[];
};
