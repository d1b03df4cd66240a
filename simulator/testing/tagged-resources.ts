import type { RunningSimulator } from "../server";
import type { VpcEndpoint } from "../model/privatelink";
import type { VpcLinkV1 } from "../model/apigateway";
import { isGone } from "../services/apigateway/apigateway-records";
import { endpointState } from "../services/ec2/privatelink-records";

// What exists in the simulator, across every account, carrying a tag: how the reliability tests count resources
// ("exactly one of each", "nothing left behind") without trusting the portal's own records.

export type TaggedResource = { kind: string; id: string; accountId: string };

function isLive(kind: string, resource: unknown, now: number): boolean {
  if (kind === "ec2.vpcEndpoint") return endpointState(resource as VpcEndpoint, now) !== "deleted";
  if (kind === "apigateway.vpcLink" || kind === "apigatewayv2.vpcLink") return !isGone(resource as VpcLinkV1, now);
  return true;
}

export function taggedResources(sim: RunningSimulator, key: string, value: string): TaggedResource[] {
  const now = sim.runtime.now();
  return Object.entries(sim.runtime.world.data.collections).flatMap(([kind, resources]) =>
    Object.values(resources)
      .filter((resource) => resource.tags?.[key] === value && isLive(kind, resource, now))
      .map((resource) => ({ kind, id: resource.id, accountId: resource.accountId })),
  );
}

/** Resources per kind, e.g. { "elbv2.loadBalancer": 1, … }. */
export function countByKind(resources: readonly TaggedResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[resource.kind] = (counts[resource.kind] ?? 0) + 1;
  return counts;
}
