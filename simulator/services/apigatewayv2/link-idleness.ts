import type { SimulatorRuntime } from "../../core/service";
import type { VpcLinkV2 } from "../../model/apigateway";
import { allocateNetworkInterface, releaseNetworkInterfaces } from "../ec2/network-interfaces";
import { linkStatus } from "../apigateway/apigateway-records";

// A VPC link V2 that carries no traffic goes INACTIVE, and comes back when traffic resumes. AWS, "Set up VPC links V2
// in API Gateway" (developer guide): "If no traffic is sent over the VPC link for 60 days, it becomes INACTIVE. When a
// VPC link is in an INACTIVE state, API Gateway deletes all of the VPC link's network interfaces. This causes API
// requests that depend on the VPC link to fail. If API requests resume, API Gateway reprovisions network interfaces.
// It can take a few minutes to create the network interfaces and reactivate the VPC link." (aws-chain-facts §4, §8.)
// The 60 days are the profile's `vpcLinkV2Idle` (tests shorten it); reactivation takes `vpcLinkV2Available`.

/** Puts an idle AVAILABLE link in INACTIVE (as of the moment it went idle) and deletes its ENIs. */
export function settleIdleness(sim: SimulatorRuntime, link: VpcLinkV2, now: number): void {
  const available = [...link.lifecycle].reverse().find((step) => step.status === "AVAILABLE");
  if (!available || linkStatus(link, now).status !== "AVAILABLE") return;
  const idleSince = Math.max(available.at, link.lastTrafficAt ?? 0);
  const inactiveAt = idleSince + sim.profile.latencyMs.vpcLinkV2Idle;
  if (inactiveAt > now) return;
  link.lifecycle.push({
    status: "INACTIVE",
    statusMessage: "No traffic was sent over the VPC link for 60 days; its network interfaces were deleted",
    at: inactiveAt,
  });
  releaseNetworkInterfaces(sim, link.networkInterfaceIds);
  link.networkInterfaceIds = [];
}

/**
 * A request reaches the link: it counts as traffic. On an INACTIVE link the request fails (the caller's answer) and
 * API Gateway starts reprovisioning the ENIs; the link is PENDING until they are there, then AVAILABLE again.
 */
export function noteTraffic(sim: SimulatorRuntime, link: VpcLinkV2, now: number): void {
  settleIdleness(sim, link, now);
  link.lastTrafficAt = now;
  if (linkStatus(link, now).status !== "INACTIVE") return;
  link.networkInterfaceIds = link.subnetIds.map(
    (subnetId) =>
      allocateNetworkInterface(sim, {
        accountId: link.accountId,
        region: link.region,
        subnetId,
        description: `VPC Link ${link.id}`,
        interfaceType: "api_gateway_managed",
        attachedTo: link.id,
        securityGroupIds: link.securityGroupIds,
      }).id,
  );
  link.lifecycle.push(
    { status: "PENDING", statusMessage: "Traffic resumed: VPC link is reprovisioning ENIs", at: now },
    {
      status: "AVAILABLE",
      statusMessage: "VPC link is ready to route traffic",
      at: now + sim.profile.latencyMs.vpcLinkV2Available,
    },
  );
}
