import type { Integration, RestApi, VpcLinkV2 } from "../model/apigateway";
import type { Subnet } from "../model/network";
import { isGone, linkStatus, vpcLinksV1, vpcLinksV2 } from "../services/apigateway/apigateway-records";
import { loadBalancers } from "../services/elbv2/elbv2-records";
import { configurationError, type Trail } from "./gateway-responses";
import { noteTraffic, settleIdleness } from "../services/apigatewayv2/link-idleness";
import type { SimulatorRuntime } from "../core/service";
import { substituteStageVariables } from "./integration-request";

// The VPC link hop of a private integration: the link (its id may come from a stage variable) must exist in the
// API's account and be AVAILABLE; a V1 link leads to its NLB, a V2 link to the integration's target, which must
// sit in the VPC of the link's subnets.

function isInactive(sim: SimulatorRuntime, link: VpcLinkV2, now: number): boolean {
  settleIdleness(sim, link, now);
  return linkStatus(link, now).status === "INACTIVE";
}

/** The load balancer behind the integration's VPC link: V1 links carry their NLB, V2 integrations name it. */
export function linkedLoadBalancer(
  trail: Trail,
  api: RestApi,
  integration: Integration,
  stageVariables: Record<string, string>,
): string {
  const { sim } = trail;
  if (integration.connectionType !== "VPC_LINK")
    throw configurationError(
      "restApi.routes",
      "the integration reaches the internet, which the simulator does not have",
    );
  const linkId = substituteStageVariables(integration.connectionId ?? "", stageVariables);
  const now = sim.now();
  const link = integration.integrationTarget ? vpcLinksV2(sim.world).get(linkId) : vpcLinksV1(sim.world).get(linkId);
  if (!link || link.accountId !== api.accountId || isGone(link, now))
    throw configurationError("vpcLink.create", `VPC link ${linkId} does not exist`);
  // A request through a V2 link is traffic: it keeps the link active, or (INACTIVE) fails and wakes it up.
  const wasInactive = !("targetArns" in link) && isInactive(sim, link, now);
  if (!("targetArns" in link)) noteTraffic(sim, link, now);
  if (wasInactive)
    throw configurationError(
      "vpcLink.create",
      `VPC link ${linkId} was INACTIVE (no traffic for 60 days); its network interfaces are being reprovisioned`,
    );
  const { status, statusMessage } = linkStatus(link, now);
  if (status === "PENDING") throw configurationError("vpcLink.awaitAvailable", `VPC link ${linkId} is PENDING`);
  if (status !== "AVAILABLE")
    throw configurationError(
      "vpcLink.create",
      `VPC link ${linkId} is ${status}${statusMessage ? `: ${statusMessage}` : ""}`,
    );
  if ("targetArns" in link) {
    trail.note(`→ VPC link ${link.id} (V1) to ${link.targetArns[0] ?? ""}`);
    return link.targetArns[0] ?? "";
  }
  const target = integration.integrationTarget ?? "";
  const balancer = loadBalancers(sim.world).get(target);
  const linkVpcs = link.subnetIds.map((id) => sim.world.collection<Subnet>("ec2.subnet").get(id)?.vpcId);
  if (balancer && !linkVpcs.includes(balancer.vpcId))
    throw configurationError(
      "vpcLink.create",
      `VPC link ${link.id} has no subnet in ${balancer.vpcId}, the VPC of ${balancer.name}`,
    );
  trail.note(`→ VPC link ${link.id} (V2) to ${target}`);
  return target;
}
