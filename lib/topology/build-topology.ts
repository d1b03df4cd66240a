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
import type { Words } from "./topology-words";
import { wordsIn } from "./words-in";

// The link chain of each exposure as a graph (DESIGN §3). Scenario A: consumer → execute-api endpoint → REST API →
// VPC link → platform NLB → target group → interface endpoint ENIs ⇢ PrivateLink ⇢ endpoint service → application
// NLB → service. Scenario B ends platform NLB → target group → IP targets → transit gateway → remote network.
// Titles, reasons and labels are in `words` (the reader's language; English unless told).

const english = wordsIn("en");

export function buildExposureTopology(facts: ExposureFacts, words: Words = english): TopologyGraph {
  const builder = new GraphBuilder();
  addExposure(builder, facts, words);
  return builder.build();
}

/** Every exposure on one canvas; the hub's VPC, execute-api endpoint and shared V2 link are drawn once. */
export function buildPlatformTopology(all: readonly ExposureFacts[], words: Words = english): TopologyGraph {
  const builder = new GraphBuilder();
  for (const facts of all) addExposure(builder, facts, words);
  return builder.build();
}

/** One exposure, step by step: the platform hops every exposure has, then its scenario's tail. */
function addExposure(builder: GraphBuilder, facts: ExposureFacts, words: Words): void {
  const drawing = startDrawing(builder, facts, words);
  const { consumer, executeApi } = addHubEntry(drawing);
  const restApi = addRestApi(drawing);
  const vpcLink = addVpcLink(drawing);
  const { nlb, targetGroup } = addPlatformLoadBalancer(drawing);
  connectPlatformHops(drawing, { consumer, executeApi, restApi, vpcLink, nlb, targetGroup });
  if (facts.request.scenario === "cross_account_nlb") addPrivateLinkTail(drawing, targetGroup);
  else addRemoteNetworkTail(drawing, targetGroup);
}
