import type { RunningSimulator } from "../server";
import type { ResourceBase } from "../core/world";
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

function liveTagged(
  byKind: [kind: string, resources: ResourceBase[]][],
  key: string,
  value: string,
  now: number,
): TaggedResource[] {
  return byKind.flatMap(([kind, resources]) =>
    resources
      .filter((resource) => resource.tags?.[key] === value && isLive(kind, resource, now))
      .map((resource) => ({ kind, id: resource.id, accountId: resource.accountId })),
  );
}

export function taggedResources(sim: RunningSimulator, key: string, value: string): TaggedResource[] {
  const byKind = Object.entries(sim.runtime.world.data.collections).map(
    ([kind, resources]): [string, ResourceBase[]] => [kind, Object.values(resources)],
  );
  return liveTagged(byKind, key, value, sim.runtime.now());
}

/** The same, for a simulator in another process (the e2e launcher's), read from its state dump `GET /_sim/state`. */
export async function taggedResourcesAt(simulatorUrl: string, key: string, value: string): Promise<TaggedResource[]> {
  const response = await fetch(`${simulatorUrl}/_sim/state`);
  if (!response.ok) throw new Error(`${simulatorUrl}/_sim/state answered ${response.status}`);
  const state = (await response.json()) as { accounts: Record<string, { resources: Record<string, ResourceBase[]> }> };
  const byKind = Object.values(state.accounts).flatMap((account) => Object.entries(account.resources));
  return liveTagged(byKind, key, value, Date.now());
}

/** Resources per kind, e.g. { "elbv2.loadBalancer": 1, … }. */
export function countByKind(resources: readonly TaggedResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of resources) counts[resource.kind] = (counts[resource.kind] ?? 0) + 1;
  return counts;
}
