import { consoleUrl, type ConsoleTarget } from "./console-links";
import type { ExposureFacts } from "./exposure-facts";
import { GraphBuilder } from "./graph-builder";
import { hopState, type HopSource } from "./hop-state";
import {
  nodeKindLabels,
  type EdgeStyle,
  type Identifier,
  type NodeKind,
  type Placement,
  type TopologyGraph,
} from "./model";
import { loadBalancerResourceName } from "@/lib/provisioning/hops/resource-names";

// The link chain of each exposure as a graph (DESIGN §3). Scenario A: consumer → execute-api endpoint → REST API →
// VPC link → platform NLB → target group → interface endpoint ENIs ⇢ PrivateLink ⇢ endpoint service → application
// NLB → service. Scenario B ends platform NLB → target group → IP targets → transit gateway → remote network.

type NodeSpec = HopSource & {
  id: string;
  kind: NodeKind;
  groupId: string;
  label?: string;
  accountId: string;
  identifiers?: (Identifier | undefined)[];
  placements?: Placement[];
  console?: ConsoleTarget;
};

type EdgeSpec = HopSource & { source: string; target: string; label: string; style?: EdgeStyle };

export function buildExposureTopology(facts: ExposureFacts): TopologyGraph {
  const builder = new GraphBuilder();
  addExposure(builder, facts);
  return builder.build();
}

/** Every exposure on one canvas; the hub's VPC, execute-api endpoint and shared V2 link are drawn once. */
export function buildPlatformTopology(all: readonly ExposureFacts[]): TopologyGraph {
  const builder = new GraphBuilder();
  for (const facts of all) addExposure(builder, facts);
  return builder.build();
}

const id = (label: string, value: unknown): Identifier | undefined =>
  typeof value === "string" && value
    ? { label, value }
    : Array.isArray(value) && value.length > 0
      ? { label, value: value.join(", ") }
      : undefined;

function addExposure(builder: GraphBuilder, facts: ExposureFacts): void {
  const { request, hub } = facts;
  const { region } = hub;
  const output = (step: string, key: string) =>
    facts.steps.find((candidate) => candidate.stepId === step)?.outputs[key];
  const node = (spec: NodeSpec) => {
    const { state, reason, lastVerifiedAt } = hopState(facts, spec);
    return builder.node({
      id: spec.id,
      kind: spec.kind,
      label: spec.label ?? nodeKindLabels[spec.kind],
      groupId: spec.groupId,
      state,
      reason,
      lastVerifiedAt,
      identifiers: (spec.identifiers ?? []).filter((identifier) => identifier !== undefined),
      ...(spec.placements?.length ? { placements: spec.placements } : {}),
      accountId: spec.accountId,
      region,
      createdBy: spec.steps[0],
      consoleUrl: spec.console && consoleUrl(region, spec.console),
      requestIds: [request.id],
    });
  };
  const edge = (spec: EdgeSpec) => {
    const { state, reason, lastVerifiedAt } = hopState(facts, spec);
    builder.edge({
      source: spec.source,
      target: spec.target,
      label: spec.label,
      hop: spec.steps[0] ?? spec.checkedHops?.[0],
      style: spec.style ?? "direct",
      state,
      reason,
      lastVerifiedAt,
      requestIds: [request.id],
    });
  };

  const platform = builder.group({
    id: `account:${hub.accountId}`,
    kind: "account",
    label: `Platform account ${hub.accountAlias} (${hub.accountId})`,
    identifiers: [{ label: "Region", value: region }],
  });
  const hubVpc = builder.group({
    id: `vpc:${hub.vpcId}`,
    kind: "vpc",
    label: `Hub VPC ${hub.vpcId}`,
    parentId: platform,
    identifiers: [{ label: "Subnets", value: hub.subnetIds.join(", ") }],
  });
  const inHub = { accountId: hub.accountId };
  const prefix = `request:${request.id}`;
  const tcp = `TCP ${request.port}`;
  const gone = ["decommissioned", "withdrawn"].includes(request.status);

  const consumer = node({
    ...inHub,
    id: `hub:${hub.id}:consumers`,
    kind: "consumer-vpc",
    groupId: hubVpc,
    steps: [],
    identifiers: [id("VPC", hub.vpcId)],
    console: { kind: "vpc", vpcId: hub.vpcId },
  });
  const executeApi = node({
    ...inHub,
    id: `hub:${hub.id}:execute-api`,
    kind: "execute-api-endpoint",
    groupId: hubVpc,
    steps: [],
    identifiers: [id("VPC endpoint", hub.executeApiEndpointId)],
    console: { kind: "vpc-endpoint", endpointId: hub.executeApiEndpointId },
  });
  const restApiId = output("restApi.create", "restApiId");
  const restApi = node({
    ...inHub,
    id: `${prefix}:rest-api`,
    kind: "rest-api",
    label: `${request.apiName} (stage ${request.stageName})`,
    groupId: platform,
    steps: ["restApi.create", "restApi.routes", "restApi.deploy"],
    resourceKind: "rest-api",
    identifiers: [
      id("REST API", restApiId),
      id("Stage", request.stageName),
      id("Deployment", output("restApi.deploy", "deploymentId")),
    ],
    console: typeof restApiId === "string" ? { kind: "rest-api", restApiId } : undefined,
  });
  const sharedLink = hub.linkMode === "v2";
  const linkId = output("vpcLink.create", "vpcLinkId") ?? (sharedLink ? hub.sharedVpcLinkId : undefined);
  const vpcLink = node({
    ...inHub,
    id: sharedLink ? `hub:${hub.id}:vpc-link-v2` : `${prefix}:vpc-link`,
    kind: "vpc-link",
    label: sharedLink ? "Shared VPC link (V2)" : "VPC link (V1)",
    groupId: platform,
    steps: sharedLink && (hub.sharedVpcLinkId || gone) ? [] : ["vpcLink.create", "vpcLink.awaitAvailable"],
    checkedHops: ["vpcLink.create", "vpcLink.awaitAvailable"],
    resourceKind: sharedLink ? undefined : "vpc-link",
    identifiers: [id("VPC link", linkId)],
    console: typeof linkId === "string" ? { kind: "vpc-link", vpcLinkId: linkId } : undefined,
  });
  const nlbArn = output("loadBalancer.create", "loadBalancerArn");
  const nlb = node({
    ...inHub,
    id: `${prefix}:nlb`,
    kind: "platform-nlb",
    groupId: hubVpc,
    steps: ["loadBalancer.create", "loadBalancer.awaitActive"],
    resourceKind: "load-balancer",
    identifiers: [
      id("Name", loadBalancerResourceName(request.id, "nlb")),
      id("ARN", nlbArn),
      id("DNS name", output("loadBalancer.create", "dnsName")),
    ],
    console: typeof nlbArn === "string" ? { kind: "load-balancer", arn: nlbArn } : undefined,
  });
  const tgArn = output("targetGroup.create", "targetGroupArn");
  const targetGroup = node({
    ...inHub,
    id: `${prefix}:tg`,
    kind: "target-group",
    groupId: hubVpc,
    steps: ["targetGroup.create"],
    resourceKind: "target-group",
    identifiers: [
      id("Name", loadBalancerResourceName(request.id, "tg")),
      id("ARN", tgArn),
      id("Port", `TCP ${request.port}`),
    ],
    console: typeof tgArn === "string" ? { kind: "target-group", arn: tgArn } : undefined,
  });

  edge({ source: consumer, target: executeApi, label: "HTTPS 443", steps: [] });
  edge({ source: executeApi, target: restApi, label: "HTTPS 443 · resource policy", steps: ["restApi.create"] });
  edge({ source: restApi, target: vpcLink, label: "HTTP_PROXY via VPC_LINK", steps: ["restApi.routes"] });
  edge({
    source: vpcLink,
    target: nlb,
    label: sharedLink ? `${tcp} · integration target` : tcp,
    steps: sharedLink ? ["restApi.routes"] : ["vpcLink.create", "vpcLink.awaitAvailable"],
  });
  edge({
    source: nlb,
    target: targetGroup,
    label: `Listener ${tcp}`,
    steps: ["listener.create"],
    resourceKind: "listener",
  });

  if (request.scenario === "cross_account_nlb")
    addPrivateLinkTail(builder, facts, { node, edge, targetGroup, hubVpc, tcp, prefix, output });
  else addRemoteNetworkTail(builder, facts, { node, edge, targetGroup, hubVpc, platform, tcp, prefix });
}

type Tail = {
  node: (spec: NodeSpec) => string;
  edge: (spec: EdgeSpec) => void;
  targetGroup: string;
  hubVpc: string;
  tcp: string;
  prefix: string;
};

function addPrivateLinkTail(
  builder: GraphBuilder,
  facts: ExposureFacts,
  tail: Tail & { output: (step: string, key: string) => unknown },
): void {
  const { request, hub } = facts;
  const { node, edge, tcp, prefix, output } = tail;
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
    groupId: tail.hubVpc,
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

  edge({ source: tail.targetGroup, target: enis, label: `${tcp} · ENI IPs`, steps: ["targets.register"] });
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

function addRemoteNetworkTail(builder: GraphBuilder, facts: ExposureFacts, tail: Tail & { platform: string }): void {
  const { request, hub } = facts;
  const { node, edge, tcp, prefix } = tail;
  const networkName = request.remoteNetworkName ?? "remote network";
  const network = builder.group({
    id: `network:${networkName}`,
    kind: "network",
    label: `Remote network ${networkName}`,
    identifiers: [],
  });
  const ips = node({
    accountId: hub.accountId,
    id: `${prefix}:ip-targets`,
    kind: "ip-targets",
    groupId: tail.hubVpc,
    steps: ["targets.register"],
    identifiers: [id("IPs", request.remoteIps), id("Availability zone", "all")],
  });
  const transit = node({
    accountId: hub.accountId,
    id: `tgw:${hub.accountId}:${hub.region}`,
    kind: "transit-gateway",
    groupId: tail.platform,
    steps: [],
    console: { kind: "transit-gateways" },
  });
  const remote = node({
    accountId: hub.accountId,
    id: `${prefix}:remote`,
    kind: "remote-network",
    label: `Service in ${networkName}`,
    groupId: network,
    steps: [],
    checkedHops: ["chain.verify"],
    identifiers: [id("IPs", request.remoteIps), id("Port", tcp)],
  });

  edge({ source: tail.targetGroup, target: ips, label: tcp, steps: ["targets.register"] });
  edge({ source: ips, target: transit, label: "routed by the hub route table", style: "routed", steps: [] });
  edge({ source: transit, target: remote, label: tcp, style: "routed", steps: [], checkedHops: ["chain.verify"] });
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
