import { identifier, type ExposureDrawing } from "./exposure-drawing";
import type { Placement } from "./model";

// Scenario A's tail: target group → interface endpoint ENIs ⇢ PrivateLink ⇢ endpoint service → application NLB → service.

export function addPrivateLinkTail(drawing: ExposureDrawing, targetGroup: string): void {
  const { builder, facts, node, edge, tcp, prefix, output, id, say } = drawing;
  const { request, hub } = facts;
  const appAccountId = request.sourceAccountId ?? "unknown";
  const nlbArn = request.loadBalancerArn ?? "";
  const appAccount = builder.group({
    id: `account:${appAccountId}`,
    kind: "account",
    label: request.sourceAccountAlias
      ? say("topology.group.applicationAccount", { alias: request.sourceAccountAlias, accountId: appAccountId })
      : say("topology.group.applicationAccountUnnamed", { accountId: appAccountId }),
    identifiers: [],
  });
  const appVpc = builder.group({
    id: `vpc:${appAccountId}:application`,
    kind: "vpc",
    label: say("topology.group.applicationVpc"),
    parentId: appAccount,
    identifiers: [],
  });
  const endpointId = output("interfaceEndpoint.create", "endpointId");
  const placements = enisByZone(
    output("interfaceEndpoint.awaitAvailable", "ips"),
    output("interfaceEndpoint.awaitAvailable", "eniZones"),
    output("interfaceEndpoint.awaitAvailable", "eniSubnets"),
  );
  const enis = node({
    accountId: hub.accountId,
    id: `${prefix}:endpoint`,
    kind: "interface-endpoint",
    groupId: drawing.hubVpc,
    steps: ["interfaceEndpoint.create", "interfaceEndpoint.accept", "interfaceEndpoint.awaitAvailable"],
    resourceKind: "vpc-endpoint",
    identifiers: [
      id("vpcEndpoint", endpointId),
      ...(placements.length > 0
        ? placements.map(({ zone, subnetId, addresses }) =>
            identifier(say("topology.identifier.enisInZone", { zone, subnetId }), addresses),
          )
        : [id("eniIps", output("interfaceEndpoint.awaitAvailable", "ips"))]),
    ],
    placements,
    console: typeof endpointId === "string" ? { kind: "vpc-endpoint", endpointId } : undefined,
  });
  const serviceId = output("endpointService.create", "serviceId");
  const endpointService = node({
    accountId: appAccountId,
    id: `${prefix}:endpoint-service`,
    kind: "endpoint-service",
    groupId: appAccount,
    steps: ["endpointService.create", "endpointService.allowPlatform"],
    resourceKind: "vpc-endpoint-service",
    identifiers: [id("serviceId", serviceId), id("serviceName", output("endpointService.create", "serviceName"))],
    console: typeof serviceId === "string" ? { kind: "endpoint-service", serviceId } : undefined,
  });
  const appNlb = node({
    accountId: appAccountId,
    id: `nlb:${nlbArn}`,
    kind: "application-nlb",
    label: say("topology.label.applicationNlb", { name: nlbArn.split("/").at(-2) ?? "" }).trim(),
    groupId: appVpc,
    steps: [],
    identifiers: [id("arn", nlbArn)],
    console: nlbArn ? { kind: "load-balancer", arn: nlbArn } : undefined,
  });
  const service = node({
    accountId: appAccountId,
    id: `service:${nlbArn}:${request.port}`,
    kind: "service",
    label: say("topology.label.service", { tcp }),
    groupId: appVpc,
    steps: [],
    checkedHops: ["chain.verify"],
    identifiers: [id("behind", nlbArn)],
  });

  edge({ source: targetGroup, target: enis, label: say("topology.edge.eniIps", { tcp }), steps: ["targets.register"] });
  edge({
    source: enis,
    target: endpointService,
    label: "PrivateLink",
    style: "privatelink",
    steps: ["interfaceEndpoint.accept"],
  });
  edge({ source: endpointService, target: appNlb, label: tcp, steps: ["endpointService.create"] });
  edge({ source: appNlb, target: service, label: tcp, steps: [], checkedHops: ["chain.verify"] });
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** The endpoint's ENI addresses grouped by zone and subnet; runs from before zones were recorded have none. */
function enisByZone(ips: unknown, zones: unknown, subnets: unknown): Placement[] {
  const [addresses, zoneOf, subnetOf] = [strings(ips), strings(zones), strings(subnets)];
  if (zoneOf.length !== addresses.length || subnetOf.length !== addresses.length) return [];
  const placements = new Map<string, Placement>();
  addresses.forEach((address, index) => {
    const zone = zoneOf[index] ?? "";
    const subnetId = subnetOf[index] ?? "";
    const key = `${zone} ${subnetId}`;
    const placement = placements.get(key) ?? { zone, subnetId, addresses: [] };
    placement.addresses.push(address);
    placements.set(key, placement);
  });
  return [...placements.values()].sort((a, b) => (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0));
}
