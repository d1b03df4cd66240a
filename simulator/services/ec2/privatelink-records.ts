import { phaseAt, type World } from "../../core/world";
import type { SimulatorRuntime } from "../../core/service";
import { dnsSuffixOf, serviceNamePrefix } from "../../core/partition";
import type { LoadBalancer } from "../../model/elb";
import type { EndpointService, EndpointState, VpcEndpoint } from "../../model/privatelink";

// Shared reads and writes of PrivateLink records, used by the EC2 operations and by API Gateway's V1 VPC link.

export const endpointServices = (world: World) => world.collection<EndpointService>("ec2.endpointService");
export const vpcEndpoints = (world: World) => world.collection<VpcEndpoint>("ec2.vpcEndpoint");

export function endpointState(endpoint: VpcEndpoint, now: number): EndpointState {
  return phaseAt(
    endpoint.lifecycle.map((step) => [step.state, step.at] as const),
    now,
  );
}

export function serviceState(service: EndpointService, now: number): EndpointService["lifecycle"][number]["state"] {
  return phaseAt(
    service.lifecycle.map((step) => [step.state, step.at] as const),
    now,
  );
}

/** Endpoint states in which the endpoint still holds a connection to its service. */
export const connectedStates: readonly EndpointState[] = ["pendingAcceptance", "pending", "available"];

/** The endpoint service an NLB already backs, if any (an NLB can back only one). */
export function endpointServiceOfLoadBalancer(world: World, loadBalancerArn: string): EndpointService | undefined {
  return endpointServices(world)
    .all()
    .find((service) => service.networkLoadBalancerArns.includes(loadBalancerArn));
}

/** An endpoint service is offered in its NLB's enabled zones, by name (the provider's) and by ID (the same everywhere). */
function serviceZonesOf(
  world: World,
  loadBalancer: LoadBalancer,
): Pick<EndpointService, "availabilityZones" | "availabilityZoneIds"> {
  const zones = world.account(loadBalancer.accountId)?.availabilityZones[loadBalancer.region] ?? [];
  const names = loadBalancer.availabilityZones.map((zone) => zone.zoneName);
  return {
    availabilityZones: names,
    availabilityZoneIds: zones.filter((zone) => names.includes(zone.zoneName)).map((zone) => zone.zoneId),
  };
}

/** After the NLB's zones change (SetSubnets), its endpoint service is offered in the new ones. */
export function followLoadBalancerZones(world: World, loadBalancer: LoadBalancer): void {
  const service = endpointServiceOfLoadBalancer(world, loadBalancer.id);
  if (service) Object.assign(service, serviceZonesOf(world, loadBalancer));
}

/** Creates an endpoint service on an NLB; `managedByVpcLinkId` hides it as AWS hides a V1 VPC link's own service. */
export function createEndpointServiceForLoadBalancer(
  sim: SimulatorRuntime,
  input: {
    loadBalancer: LoadBalancer;
    acceptanceRequired: boolean;
    tags?: Record<string, string>;
    managedByVpcLinkId?: string;
    visibleAt?: number;
  },
): EndpointService {
  const { loadBalancer } = input;
  const now = sim.now();
  const id = `vpce-svc-${sim.random.hex(17)}`;
  return endpointServices(sim.world).put({
    id,
    accountId: loadBalancer.accountId,
    region: loadBalancer.region,
    createdAt: now,
    visibleAt: input.visibleAt ?? now,
    tags: { ...(input.tags ?? {}) },
    serviceName: `${serviceNamePrefix(loadBalancer.region)}.vpce.${loadBalancer.region}.${id}`,
    networkLoadBalancerArns: [loadBalancer.id],
    acceptanceRequired: input.acceptanceRequired,
    ...serviceZonesOf(sim.world, loadBalancer),
    allowedPrincipals: [],
    lifecycle: [
      { state: "Pending", at: now },
      { state: "Available", at: now + sim.profile.latencyMs.endpointServiceAvailable },
    ],
    managedByVpcLinkId: input.managedByVpcLinkId,
  });
}

export function baseEndpointDnsName(service: EndpointService): string {
  return `${service.id}.${service.region}.vpce.${dnsSuffixOf(service.region)}`;
}
