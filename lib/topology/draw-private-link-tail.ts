import { id, type ExposureDrawing } from "./exposure-drawing";
import type { Placement } from "./model";

// Scenario A's tail: target group → interface endpoint ENIs ⇢ PrivateLink ⇢ endpoint service → application NLB → service.

export function addPrivateLinkTail(drawing: ExposureDrawing, targetGroup: string): void {
  const { builder, facts, node, edge, tcp, prefix, output } = drawing;
  const { request, hub } = facts;
  const appAccountId = request.sourceAccountId ?? "unknown";
  const nlbArn = request.loadBalancerArn ?? "";
  const appAccount = builder.group({
    id: `account:${appAccountId}`,
    kind: "account",
    label: ["Application account", request.sourceAccountAlias, `(${appAccountId})`].filter(Boolean).join(" "),
    identifiers: [],
  });
  const appVpc = builder.group({
    id: `vpc:${appAccountId}:application`,
    kind: "vpc",
    label: "Application VPC",
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
      id("VPC endpoint", endpointId),
      ...(placements.length > 0
        ? placements.map((placement) => id(`ENIs in ${placement.zone} (${placement.subnetId})`, placement.addresses))
        : [id("ENI IPs", output("interfaceEndpoint.awaitAvailable", "ips"))]),
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
    identifiers: [id("Service ID", serviceId), id("Service name", output("endpointService.create", "serviceName"))],
    console: typeof serviceId === "string" ? { kind: "endpoint-service", serviceId } : undefined,
  });
  const appNlb = node({
    accountId: appAccountId,
    id: `nlb:${nlbArn}`,
    kind: "application-nlb",
    label: `Application NLB ${nlbArn.split("/").at(-2) ?? ""}`.trim(),
    groupId: appVpc,
    steps: [],
    identifiers: [id("ARN", nlbArn)],
    console: nlbArn ? { kind: "load-balancer", arn: nlbArn } : undefined,
  });
  const service = node({
    accountId: appAccountId,
    id: `service:${nlbArn}:${request.port}`,
    kind: "service",
    label: `Service on ${tcp}`,
    groupId: appVpc,
    steps: [],
    checkedHops: ["chain.verify"],
    identifiers: [id("Behind", nlbArn)],
  });

  edge({ source: targetGroup, target: enis, label: `${tcp} · ENI IPs`, steps: ["targets.register"] });
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
