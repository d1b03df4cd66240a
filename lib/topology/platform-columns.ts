import { resourceNodeSize } from "./layout";
import type { NodeKind, TopologyNode } from "./model";

// The platform map's grid: a column per node kind, the platform account's columns first, and the room between them.

export const columnOf: Record<NodeKind, number> = {
  "consumer-vpc": 0,
  "execute-api-endpoint": 1,
  "rest-api": 2,
  "vpc-link": 3,
  "platform-nlb": 4,
  "target-group": 5,
  "interface-endpoint": 6,
  "ip-targets": 6,
  "transit-gateway": 7,
  "endpoint-service": 8,
  "remote-network": 8,
  "application-nlb": 9,
  service: 10,
};

/** Columns up to this one are in the platform account; the others in application accounts and remote networks. */
export const lastPlatformColumn = 7;

export const padding = { top: 40, side: 16, bottom: 16 };
export const rowGap = 24;
export const groupGap = 32;
const columnGap = 120;
/** Room between the platform account and the accounts behind it, for PrivateLink and routed hops and their labels. */
const sideGap = 200;

/** Only the columns some node uses take room; a wider gap separates the platform side from the application side. */
export function columnPositions(nodes: readonly TopologyNode[]): Map<number, number> {
  const used = [...new Set(nodes.map((node) => columnOf[node.kind]))].sort((a, b) => a - b);
  const positions = new Map<number, number>();
  let x = 0;
  used.forEach((column, index) => {
    const before = used[index - 1];
    if (before !== undefined)
      x += resourceNodeSize.width + (before <= lastPlatformColumn && column > lastPlatformColumn ? sideGap : columnGap);
    positions.set(column, x);
  });
  return positions;
}
