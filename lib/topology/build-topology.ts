import {
  addHubEntry,
  addPlatformLoadBalancer,
  addRestApi,
  addVpcLink,
  connectPlatformHops,
} from "./draw-platform-hops";
import { addPrivateLinkTail } from "./draw-private-link-tail";
import { addRemoteNetworkTail } from "./draw-remote-network-tail";
import type { ExposureFacts } from "./exposure-facts";
import { startDrawing } from "./exposure-drawing";
import { GraphBuilder } from "./graph-builder";
import type { TopologyGraph } from "./model";

// The link chain of each exposure as a graph (DESIGN §3). Scenario A: consumer → execute-api endpoint → REST API →
// VPC link → platform NLB → target group → interface endpoint ENIs ⇢ PrivateLink ⇢ endpoint service → application
// NLB → service. Scenario B ends platform NLB → target group → IP targets → transit gateway → remote network.

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

/** One exposure, step by step: the platform hops every exposure has, then its scenario's tail. */
function addExposure(builder: GraphBuilder, facts: ExposureFacts): void {
  const drawing = startDrawing(builder, facts);
  const { consumer, executeApi } = addHubEntry(drawing);
  const restApi = addRestApi(drawing);
  const vpcLink = addVpcLink(drawing);
  const { nlb, targetGroup } = addPlatformLoadBalancer(drawing);
  connectPlatformHops(drawing, { consumer, executeApi, restApi, vpcLink, nlb, targetGroup });
  if (facts.request.scenario === "cross_account_nlb") addPrivateLinkTail(drawing, targetGroup);
  else addRemoteNetworkTail(drawing, targetGroup);
}
