import type { ResourceBase } from "../core/world";

// ELBv2 resources. Collections: "elbv2.loadBalancer", "elbv2.targetGroup", "elbv2.listener". The resource id is
// the ARN, as ELBv2 identifies everything by ARN.

export type LoadBalancer = ResourceBase & {
  name: string;
  type: "network" | "application" | "gateway";
  scheme: "internal" | "internet-facing";
  vpcId: string;
  subnetIds: string[];
  availabilityZones: { zoneName: string; subnetId: string }[];
  securityGroupIds: string[];
  ipAddressType: "ipv4" | "dualstack";
  dnsName: string;
  canonicalHostedZoneId: string;
  lifecycle: { state: "provisioning" | "active" | "active_impaired" | "failed"; at: number }[];
  attributes: Record<string, string>;
  /** Set while a delete is under way (ELBv2 deletes are asynchronous behind the scenes). */
  deletedAt?: number;
};

export type RegisteredTarget = {
  id: string;
  port: number;
  /** An AZ name, or "all" for IPs outside the VPC. */
  availabilityZone?: string;
  registeredAt: number;
  /** When the first health checks would have passed: registration plus the profile's latency at that time. */
  healthyAt: number;
  /** Set while draining after DeregisterTargets. */
  deregisteredAt?: number;
};

export type TargetGroup = ResourceBase & {
  name: string;
  protocol: "TCP" | "TLS" | "UDP" | "TCP_UDP" | "HTTP" | "HTTPS";
  port: number;
  vpcId: string;
  targetType: "ip" | "instance" | "alb" | "lambda";
  healthCheck: {
    protocol: string;
    port: string;
    path?: string;
    intervalSeconds: number;
    timeoutSeconds: number;
    healthyThresholdCount: number;
    unhealthyThresholdCount: number;
  };
  targets: RegisteredTarget[];
  attributes: Record<string, string>;
};

export type Listener = ResourceBase & {
  loadBalancerArn: string;
  protocol: "TCP" | "TLS" | "UDP" | "TCP_UDP" | "HTTP" | "HTTPS";
  port: number;
  defaultActions: { type: "forward"; targetGroupArn: string }[];
};
