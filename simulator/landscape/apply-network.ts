import { executeApiServiceName } from "../../lib/aws/partition";
import { dnsSuffixOf } from "../core/partition";
import type { SimulatorRuntime } from "../core/service";
import type { SecurityGroup, Subnet, TransitGateway, Vpc } from "../model/network";
import type { VpcEndpoint } from "../model/privatelink";
import { allocateNetworkInterface } from "../services/ec2/network-interfaces";
import { vpcEndpoints } from "../services/ec2/privatelink-records";
import type { LandscapeAccount, LandscapeVpc } from "./landscape-schema";
import { putRouteTable, putSecurityGroup, putSubnet, putTransitGateway, putVpc } from "./network-records";

// One account's pre-existing network from the landscape: transit gateways, VPCs with subnets, security groups,
// route tables, and the execute-api interface endpoint consumers call private APIs through.

/** The account's network records by their landscape names, for the sections that refer to them. */
export type NetworkIndex = {
  vpcs: Map<string, Vpc>;
  subnets: Map<string, Subnet>;
  securityGroups: Map<string, SecurityGroup>;
  transitGateways: Map<string, TransitGateway>;
};

const nameTag = (name: string) => ({ Name: name });

export function lookUp<T>(items: Map<string, T>, name: string, what: string): T {
  const item = items.get(name);
  if (!item) throw new Error(`landscape: unknown ${what} "${name}"`);
  return item;
}

export function applyNetwork(sim: SimulatorRuntime, account: LandscapeAccount): NetworkIndex {
  const index: NetworkIndex = {
    vpcs: new Map(),
    subnets: new Map(),
    securityGroups: new Map(),
    transitGateways: new Map(),
  };
  const owner = { accountId: account.accountId, region: account.region };
  for (const gateway of account.transitGateways) {
    const record = putTransitGateway(sim, {
      ...owner,
      tags: nameTag(gateway.name),
      description: gateway.description,
      remoteNetworks: gateway.remoteNetworks,
    });
    index.transitGateways.set(gateway.name, record);
  }
  for (const declared of account.vpcs) applyVpc(sim, owner, declared, index);
  return index;
}

function applyVpc(
  sim: SimulatorRuntime,
  owner: { accountId: string; region: string },
  declared: LandscapeVpc,
  index: NetworkIndex,
): void {
  const vpc = putVpc(sim, { ...owner, cidrBlock: declared.cidrBlock, tags: nameTag(declared.name) });
  index.vpcs.set(declared.name, vpc);
  for (const subnet of declared.subnets) {
    index.subnets.set(
      subnet.name,
      putSubnet(sim, { vpc, cidrBlock: subnet.cidrBlock, zoneName: subnet.zone, tags: nameTag(subnet.name) }),
    );
  }
  for (const group of declared.securityGroups) {
    index.securityGroups.set(
      group.name,
      putSecurityGroup(sim, { vpc, groupName: group.name, ingress: group.ingress, tags: nameTag(group.name) }),
    );
  }
  putRouteTable(sim, { vpc, subnetIds: [], main: true });
  for (const table of declared.routeTables) {
    putRouteTable(sim, {
      vpc,
      subnetIds: table.subnets.map((name) => lookUp(index.subnets, name, "subnet").id),
      main: false,
      routes: table.routes.map((route) => ({
        destinationCidrBlock: route.destinationCidrBlock,
        target: lookUp(index.transitGateways, route.transitGateway, "transit gateway").id,
        state: "active",
      })),
      tags: nameTag(table.name),
    });
  }
  if (declared.executeApiEndpoint) putExecuteApiEndpoint(sim, vpc, declared.executeApiEndpoint, index);
}

/** An available execute-api interface endpoint, as the platform team created it long before Gatehouse. */
function putExecuteApiEndpoint(
  sim: SimulatorRuntime,
  vpc: Vpc,
  declared: NonNullable<LandscapeVpc["executeApiEndpoint"]>,
  index: NetworkIndex,
): VpcEndpoint {
  const id = `vpce-${sim.random.hex(17)}`;
  const subnets = declared.subnets.map((name) => lookUp(index.subnets, name, "subnet"));
  const securityGroupIds = declared.securityGroups.map(
    (name) => lookUp(index.securityGroups, name, "security group").id,
  );
  const enis = subnets.map((subnet) =>
    allocateNetworkInterface(sim, {
      subnetId: subnet.id,
      accountId: vpc.accountId,
      region: vpc.region,
      interfaceType: "vpc_endpoint",
      attachedTo: id,
      securityGroupIds,
      description: `VPC Endpoint Interface ${id}`,
    }),
  );
  const now = sim.now();
  const suffix = `execute-api.${vpc.region}.vpce.${dnsSuffixOf(vpc.region)}`;
  const label = `${id}-${sim.random.hex(8)}`;
  const dnsLabels = [label, ...subnets.map((subnet) => `${label}-${subnet.availabilityZone}`)];
  return vpcEndpoints(sim.world).put({
    id,
    accountId: vpc.accountId,
    region: vpc.region,
    createdAt: now,
    visibleAt: now,
    tags: nameTag(declared.name),
    vpcEndpointType: "Interface",
    serviceName: executeApiServiceName(vpc.region),
    vpcId: vpc.id,
    subnetIds: subnets.map((subnet) => subnet.id),
    securityGroupIds,
    networkInterfaceIds: enis.map((eni) => eni.id),
    privateDnsEnabled: declared.privateDns,
    lifecycle: [{ state: "available", at: now }],
    dnsEntries: dnsLabels.map((dnsLabel) => ({ dnsName: `${dnsLabel}.${suffix}`, hostedZoneId: "Z7HUB22UULQXV" })),
  });
}
