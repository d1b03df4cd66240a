import type { ExposureDrawing } from "./exposure-drawing";
import { loadBalancerResourceName } from "@/lib/provisioning/hops/resource-names";

// The platform side every exposure has: consumers and the hub's execute-api endpoint, the REST API, the VPC link, the
// platform NLB and its target group, and the edges between them.

/** The hub's consumers and execute-api endpoint, drawn once per hub. */
export function addHubEntry({ node, id, facts: { hub }, hubVpc }: ExposureDrawing) {
  const inHub = { accountId: hub.accountId };
  const consumer = node({
    ...inHub,
    id: `hub:${hub.id}:consumers`,
    kind: "consumer-vpc",
    groupId: hubVpc,
    steps: [],
    identifiers: [id("vpc", hub.vpcId)],
    console: { kind: "vpc", vpcId: hub.vpcId },
  });
  const executeApi = node({
    ...inHub,
    id: `hub:${hub.id}:execute-api`,
    kind: "execute-api-endpoint",
    groupId: hubVpc,
    steps: [],
    identifiers: [id("vpcEndpoint", hub.executeApiEndpointId)],
    console: { kind: "vpc-endpoint", endpointId: hub.executeApiEndpointId },
  });
  return { consumer, executeApi };
}

export function addRestApi(drawing: ExposureDrawing): string {
  const { node, output, id, say, facts, platform, prefix } = drawing;
  const { request, hub } = facts;
  const restApiId = output("restApi.create", "restApiId");
  return node({
    accountId: hub.accountId,
    id: `${prefix}:rest-api`,
    kind: "rest-api",
    label: say("topology.label.restApi", { apiName: request.apiName, stage: request.stageName }),
    groupId: platform,
    steps: ["restApi.create", "restApi.routes", "restApi.deploy"],
    resourceKind: "rest-api",
    identifiers: [
      id("restApi", restApiId),
      id("stage", request.stageName),
      id("deployment", output("restApi.deploy", "deploymentId")),
      // ANY / and ANY /{proxy+}, or each path and verb of the OpenAPI document the API was built from.
      id("methods", output("restApi.routes", "methods")),
    ],
    console: typeof restApiId === "string" ? { kind: "rest-api", restApiId } : undefined,
  });
}

/** The exposure's own V1 link, or the hub's shared V2 link (drawn once, and no longer this exposure's hop once recorded). */
export function addVpcLink(drawing: ExposureDrawing): string {
  const { node, output, id, say, facts, platform, prefix } = drawing;
  const { request, hub } = facts;
  const sharedLink = hub.linkMode === "v2";
  const gone = ["decommissioned", "withdrawn"].includes(request.status);
  const linkId = output("vpcLink.create", "vpcLinkId") ?? (sharedLink ? hub.sharedVpcLinkId : undefined);
  return node({
    accountId: hub.accountId,
    id: sharedLink ? `hub:${hub.id}:vpc-link-v2` : `${prefix}:vpc-link`,
    kind: "vpc-link",
    label: say(sharedLink ? "topology.label.sharedLink" : "topology.label.ownLink"),
    groupId: platform,
    steps: sharedLink && (hub.sharedVpcLinkId || gone) ? [] : ["vpcLink.create", "vpcLink.awaitAvailable"],
    checkedHops: ["vpcLink.create", "vpcLink.awaitAvailable"],
    resourceKind: sharedLink ? undefined : "vpc-link",
    identifiers: [id("vpcLink", linkId)],
    console: typeof linkId === "string" ? { kind: "vpc-link", vpcLinkId: linkId } : undefined,
  });
}

export function addPlatformLoadBalancer({
  node,
  output,
  id,
  facts: { request, hub },
  hubVpc,
  prefix,
}: ExposureDrawing) {
  const inHub = { accountId: hub.accountId };
  const nlbArn = output("loadBalancer.create", "loadBalancerArn");
  const nlb = node({
    ...inHub,
    id: `${prefix}:nlb`,
    kind: "platform-nlb",
    groupId: hubVpc,
    steps: ["loadBalancer.create", "loadBalancer.awaitActive"],
    resourceKind: "load-balancer",
    identifiers: [
      id("name", loadBalancerResourceName(request.id, "nlb")),
      id("arn", nlbArn),
      id("dnsName", output("loadBalancer.create", "dnsName")),
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
      id("name", loadBalancerResourceName(request.id, "tg")),
      id("arn", tgArn),
      id("port", `TCP ${request.port}`),
    ],
    console: typeof tgArn === "string" ? { kind: "target-group", arn: tgArn } : undefined,
  });
  return { nlb, targetGroup };
}

type PlatformNodes = {
  consumer: string;
  executeApi: string;
  restApi: string;
  vpcLink: string;
  nlb: string;
  targetGroup: string;
};

/** consumer → execute-api → REST API → VPC link → platform NLB → target group. */
export function connectPlatformHops({ edge, say, facts: { hub }, tcp }: ExposureDrawing, nodes: PlatformNodes): void {
  const sharedLink = hub.linkMode === "v2";
  edge({ source: nodes.consumer, target: nodes.executeApi, label: "HTTPS 443", steps: [] });
  edge({
    source: nodes.executeApi,
    target: nodes.restApi,
    label: say("topology.edge.resourcePolicy"),
    steps: ["restApi.create"],
  });
  edge({
    source: nodes.restApi,
    target: nodes.vpcLink,
    label: say("topology.edge.proxyViaLink"),
    steps: ["restApi.routes"],
  });
  edge({
    source: nodes.vpcLink,
    target: nodes.nlb,
    label: sharedLink ? say("topology.edge.integrationTarget", { tcp }) : tcp,
    steps: sharedLink ? ["restApi.routes"] : ["vpcLink.create", "vpcLink.awaitAvailable"],
  });
  edge({
    source: nodes.nlb,
    target: nodes.targetGroup,
    label: say("topology.edge.listener", { tcp }),
    steps: ["listener.create"],
    resourceKind: "listener",
  });
}
