import type { ResourceBase } from "../core/world";

// PrivateLink resources. Collections: "ec2.endpointService", "ec2.vpcEndpoint".

export type EndpointService = ResourceBase & {
  /** com.amazonaws.vpce.<region>.vpce-svc-… */
  serviceName: string;
  networkLoadBalancerArns: string[];
  acceptanceRequired: boolean;
  /** AZ names (in the provider account) where the service is offered: the NLB's enabled zones. */
  availabilityZones: string[];
  availabilityZoneIds: string[];
  /** Principal ARNs allowed to create endpoints ("arn:aws:iam::<acct>:root", role ARNs, or "*"). */
  allowedPrincipals: string[];
  lifecycle: { state: "Pending" | "Available" | "Deleting" | "Deleted" | "Failed"; at: number }[];
  /** Set by API Gateway when a V1 VPC link created this service behind the scenes. */
  managedByVpcLinkId?: string;
};

export type EndpointState =
  "pendingAcceptance" | "pending" | "available" | "deleting" | "deleted" | "rejected" | "failed" | "expired";

export type VpcEndpoint = ResourceBase & {
  vpcEndpointType: "Interface" | "Gateway" | "GatewayLoadBalancer";
  serviceName: string;
  /** The endpoint service id when the service is a customer service; undefined for AWS services (execute-api). */
  serviceId?: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  networkInterfaceIds: string[];
  privateDnsEnabled: boolean;
  /** State over time, camelCase on the wire as AWS sends it. */
  lifecycle: { state: EndpointState; at: number }[];
  dnsEntries: { dnsName: string; hostedZoneId: string }[];
  /** EC2 ClientToken used to create it, if any. */
  clientToken?: string;
};
