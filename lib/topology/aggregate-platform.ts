import { buildExposureTopology } from "./build-topology";
import type { ExposureFacts } from "./exposure-facts";
import { summarizeExposures, summaryRank } from "./level-of-detail";
import type { TopologyState } from "./model";

// The platform map at fit view when it is too large to send whole: one group per hub and application side (an
// application account, or a remote network for scenario B), with how many exposures it holds per team, scenario and
// status and the worst state among them. Built only from the facts in the viewer's scope, so another team's exposures
// are not even counted.

/** A hub's side of a group: its platform account and VPC. */
export type MapGroupHub = { id: string; accountId: string; accountAlias: string; vpcId: string; region: string };
export type MapGroupSide =
  { kind: "account"; accountId: string; alias?: string | null } | { kind: "network"; name: string };

/** Exposures of one group that share team, scenario and status (what the map's filters pick by). */
export type MapCell = { teamName: string; scenario: string; status: string; count: number; worst: TopologyState };

export type MapGroup = { id: string; hub: MapGroupHub; side: MapGroupSide; cells: MapCell[] };

/** A group's ID names its hub and application side; the detail endpoint takes it back (platform-map-query.ts). */
export function mapGroupId(hubId: string, side: MapGroupSide): string {
  return side.kind === "account" ? `${hubId}/account/${side.accountId}` : `${hubId}/network/${side.name}`;
}

function sideOf({ request }: ExposureFacts): MapGroupSide {
  return request.scenario === "cross_account_nlb"
    ? { kind: "account", accountId: request.sourceAccountId ?? "", alias: request.sourceAccountAlias }
    : { kind: "network", name: request.remoteNetworkName ?? "" };
}

/** Each exposure's worst state, as its bar on a zoomed-out map would show it. */
function worstStateOf(facts: ExposureFacts): TopologyState {
  return summarizeExposures(buildExposureTopology(facts)).get(facts.request.id)?.state ?? "planned";
}

export function aggregatePlatform(all: readonly ExposureFacts[]): MapGroup[] {
  const groups = new Map<string, MapGroup & { byCell: Map<string, MapCell> }>();
  for (const facts of all) {
    const side = sideOf(facts);
    const id = mapGroupId(facts.hub.id, side);
    let group = groups.get(id);
    if (!group) {
      const { hub } = facts;
      group = {
        id,
        hub: {
          id: hub.id,
          accountId: hub.accountId,
          accountAlias: hub.accountAlias,
          vpcId: hub.vpcId,
          region: hub.region,
        },
        side,
        cells: [],
        byCell: new Map(),
      };
      groups.set(id, group);
    }
    const { teamName, scenario, status } = facts.request;
    const key = [teamName, scenario, status].join("\n");
    const worst = worstStateOf(facts);
    const cell = group.byCell.get(key);
    if (!cell) {
      const added = { teamName, scenario, status, count: 1, worst };
      group.byCell.set(key, added);
      group.cells.push(added);
    } else {
      cell.count++;
      if (summaryRank[worst] > summaryRank[cell.worst]) cell.worst = worst;
    }
  }
  return [...groups.values()]
    .map(({ byCell: _byCell, ...group }) => group)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
