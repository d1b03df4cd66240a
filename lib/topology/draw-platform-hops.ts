import { id, type ExposureDrawing } from "./exposure-drawing";
import { loadBalancerResourceName } from "@/lib/provisioning/hops/resource-names";

// The platform side every exposure has: consumers and the hub's execute-api endpoint, the REST API, the VPC link, the
// platform NLB and its target group, and the edges between them.

/** The hub's consumers and execute-api endpoint, drawn once per hub. */
export function addHubEntry({ node, facts: { hub }, hubVpc }: ExposureDrawing) {
  const inHub = { accountId: hub.accountId };
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
  return { consumer, executeApi };
}

export function addRestApi({ node, output, facts: { request, hub }, platform, prefix }: ExposureDrawing): string {
  const restApiId = output("restApi.create", "restApiId");
  return node({
    accountId: hub.accountId,
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
      // ANY / and ANY /{proxy+}, or each path and verb of the OpenAPI document the API was built from.
      id("Methods", output("restApi.routes", "methods")),
    ],
    console: typeof restApiId === "string" ? { kind: "rest-api", restApiId } : undefined,
  });
}

/** The exposure's own V1 link, or the hub's shared V2 link (drawn once, and no longer this exposure's hop once recorded). */
export function addVpcLink({ node, output, facts: { request, hub }, platform, prefix }: ExposureDrawing): string {
  const sharedLink = hub.linkMode === "v2";
  const gone = ["decommissioned", "withdrawn"].includes(request.status);
  const linkId = output("vpcLink.create", "vpcLinkId") ?? (sharedLink ? hub.sharedVpcLinkId : undefined);
  return node({
    accountId: hub.accountId,
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
}

export function addPlatformLoadBalancer({ node, output, facts: { request, hub }, hubVpc, prefix }: ExposureDrawing) {
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
export function connectPlatformHops({ edge, facts: { hub }, tcp }: ExposureDrawing, nodes: PlatformNodes): void {
  const sharedLink = hub.linkMode === "v2";
  edge({ source: nodes.consumer, target: nodes.executeApi, label: "HTTPS 443", steps: [] });
  edge({
    source: nodes.executeApi,
    target: nodes.restApi,
    label: "HTTPS 443 · resource policy",
    steps: ["restApi.create"],
  });
  edge({ source: nodes.restApi, target: nodes.vpcLink, label: "HTTP_PROXY via VPC_LINK", steps: ["restApi.routes"] });
  edge({
    source: nodes.vpcLink,
    target: nodes.nlb,
    label: sharedLink ? `${tcp} · integration target` : tcp,
    steps: sharedLink ? ["restApi.routes"] : ["vpcLink.create", "vpcLink.awaitAvailable"],
  });
  edge({
    source: nodes.nlb,
    target: nodes.targetGroup,
    label: `Listener ${tcp}`,
    steps: ["listener.create"],
    resourceKind: "listener",
  });
}
