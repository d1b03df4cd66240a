import type { SimulatorRuntime } from "../core/service";
import type { RouteTable, SecurityGroup, Subnet, TransitGateway, Vpc } from "../model/network";

// Networks that exist before Gatehouse arrives (the landscape's VPCs, subnets, security groups, route tables and
// transit gateways). The simulator has no Create API for them, as Gatehouse never creates them.

type Owner = { accountId: string; region: string; tags?: Record<string, string> };

/** The fields every record has, with a fresh id that starts with `idPrefix` (vpc, subnet, sg …). */
function base(sim: SimulatorRuntime, idPrefix: string, owner: Owner) {
  const now = sim.now();
  return {
    id: `${idPrefix}-${sim.random.hex(17)}`,
    accountId: owner.accountId,
    region: owner.region,
    createdAt: now,
    visibleAt: now,
    tags: { ...(owner.tags ?? {}) },
  };
}

/** The fields of a record that lives in `vpc`: the VPC's account and region, and its id. */
function inVpc(sim: SimulatorRuntime, idPrefix: string, input: { vpc: Vpc; tags?: Record<string, string> }) {
  return { ...base(sim, idPrefix, { ...input.vpc, tags: input.tags }), vpcId: input.vpc.id };
}

export function putVpc(sim: SimulatorRuntime, input: Owner & { cidrBlock: string }): Vpc {
  return sim.world.collection<Vpc>("ec2.vpc").put({
    ...base(sim, "vpc", input),
    cidrBlock: input.cidrBlock,
    isDefault: false,
    enableDnsSupport: true,
    enableDnsHostnames: true,
  });
}

export function putSubnet(
  sim: SimulatorRuntime,
  input: { vpc: Vpc; cidrBlock: string; zoneName: string; tags?: Record<string, string> },
): Subnet {
  const zones = sim.world.account(input.vpc.accountId)?.availabilityZones[input.vpc.region] ?? [];
  const zone = zones.find((candidate) => candidate.zoneName === input.zoneName);
  if (!zone) throw new Error(`account ${input.vpc.accountId} has no zone ${input.zoneName} in ${input.vpc.region}`);
  return sim.world.collection<Subnet>("ec2.subnet").put({
    ...inVpc(sim, "subnet", input),
    cidrBlock: input.cidrBlock,
    availabilityZone: zone.zoneName,
    availabilityZoneId: zone.zoneId,
    allocatedIps: [],
  });
}

export function putSecurityGroup(
  sim: SimulatorRuntime,
  input: { vpc: Vpc; groupName: string; ingress?: SecurityGroup["ingress"]; tags?: Record<string, string> },
): SecurityGroup {
  return sim.world.collection<SecurityGroup>("ec2.securityGroup").put({
    ...inVpc(sim, "sg", input),
    groupName: input.groupName,
    description: input.groupName,
    ingress: input.ingress ?? [{ protocol: "tcp", fromPort: 0, toPort: 65535, cidrs: [input.vpc.cidrBlock] }],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 65535, cidrs: ["0.0.0.0/0"] }],
  });
}

export function putRouteTable(
  sim: SimulatorRuntime,
  input: { vpc: Vpc; subnetIds: string[]; main: boolean; routes?: RouteTable["routes"]; tags?: Record<string, string> },
): RouteTable {
  return sim.world.collection<RouteTable>("ec2.routeTable").put({
    ...inVpc(sim, "rtb", input),
    subnetIds: input.subnetIds,
    main: input.main,
    routes: [{ destinationCidrBlock: input.vpc.cidrBlock, target: "local", state: "active" }, ...(input.routes ?? [])],
  });
}

export function putTransitGateway(
  sim: SimulatorRuntime,
  input: Owner & { description: string; remoteNetworks: TransitGateway["remoteNetworks"] },
): TransitGateway {
  return sim.world.collection<TransitGateway>("ec2.transitGateway").put({
    ...base(sim, "tgw", input),
    description: input.description,
    remoteNetworks: input.remoteNetworks,
  });
}
