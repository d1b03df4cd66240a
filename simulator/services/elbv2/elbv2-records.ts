import { AwsError } from "../../core/aws-error";
import { arn, dnsSuffixOf } from "../../core/partition";
import type { SimulatorRuntime } from "../../core/service";
import { phaseAt, type World } from "../../core/world";
import type { LoadBalancer, Listener, TargetGroup } from "../../model/elb";
import type { Subnet } from "../../model/network";
import { allocateNetworkInterface } from "../ec2/network-interfaces";

// Load balancer records and their lifecycle, shared by the ELBv2 operations, API Gateway and the landscape.

export const loadBalancers = (world: World) => world.collection<LoadBalancer>("elbv2.loadBalancer");
export const targetGroups = (world: World) => world.collection<TargetGroup>("elbv2.targetGroup");
export const listeners = (world: World) => world.collection<Listener>("elbv2.listener");

export function loadBalancerState(loadBalancer: LoadBalancer, now: number): LoadBalancer["lifecycle"][number]["state"] {
  return phaseAt(
    loadBalancer.lifecycle.map((step) => [step.state, step.at] as const),
    now,
  );
}

export type NewLoadBalancer = {
  accountId: string;
  region: string;
  name: string;
  type: LoadBalancer["type"];
  scheme: LoadBalancer["scheme"];
  subnets: Subnet[];
  securityGroupIds: string[];
  tags: Record<string, string>;
  visibleAt: number;
};

/** Creates the NLB (state provisioning until the profile's latency passes) with an ENI in each subnet. */
export function putLoadBalancer(sim: SimulatorRuntime, input: NewLoadBalancer): LoadBalancer {
  const now = sim.now();
  const hex = sim.random.hex(16);
  const kind = input.type === "network" ? "net" : input.type === "application" ? "app" : "gwy";
  const id = arn(input.region, "elasticloadbalancing", input.accountId, `loadbalancer/${kind}/${input.name}/${hex}`);
  const firstSubnet = input.subnets[0];
  if (!firstSubnet) throw new AwsError("ValidationError", "At least one subnet must be specified");
  const loadBalancer = loadBalancers(sim.world).put({
    id,
    accountId: input.accountId,
    region: input.region,
    createdAt: now,
    visibleAt: input.visibleAt,
    tags: { ...input.tags },
    name: input.name,
    type: input.type,
    scheme: input.scheme,
    vpcId: firstSubnet.vpcId,
    subnetIds: input.subnets.map((subnet) => subnet.id),
    availabilityZones: input.subnets.map((subnet) => ({ zoneName: subnet.availabilityZone, subnetId: subnet.id })),
    securityGroupIds: input.securityGroupIds,
    ipAddressType: "ipv4",
    // Internal ALBs carry an "internal-" prefix; NLBs never do.
    dnsName: `${input.scheme === "internal" && input.type === "application" ? "internal-" : ""}${input.name}-${hex}.elb.${input.region}.${dnsSuffixOf(input.region)}`,
    canonicalHostedZoneId: "Z2IFOLAFXWLO4F",
    lifecycle: [
      { state: "provisioning", at: now },
      { state: "active", at: now + sim.profile.latencyMs.loadBalancerActive },
    ],
    attributes: { "load_balancing.cross_zone.enabled": "false", "deletion_protection.enabled": "false" },
  });
  attachNodes(sim, loadBalancer, input.subnets);
  return loadBalancer;
}

/** A load balancer node (an ENI) in each of `subnets`, as ELB makes when a zone is enabled. */
export function attachNodes(sim: SimulatorRuntime, loadBalancer: LoadBalancer, subnets: readonly Subnet[]): void {
  // ELB names the node ENIs after the ARN's resource: "ELB net/<name>/<id>".
  const description = `ELB ${loadBalancer.id.split(":loadbalancer/")[1] ?? loadBalancer.name}`;
  for (const subnet of subnets) {
    allocateNetworkInterface(sim, {
      accountId: loadBalancer.accountId,
      region: loadBalancer.region,
      subnetId: subnet.id,
      description,
      interfaceType: "network_load_balancer",
      attachedTo: loadBalancer.id,
    });
  }
}
