import { resourceNodeSize, type Box, type TopologyLayout } from "./layout";
import type { TopologyGraph, TopologyNode } from "./model";
import { columnOf, columnPositions, groupGap, lastPlatformColumn, padding, rowGap } from "./platform-columns";
import { boxGroups } from "./platform-group-boxes";

// The platform map's layout without a layout engine. Every exposure's chain has the same shape, so each exposure is a
// row and each node kind a column; groups are the boxes around their children. Rows are sorted so that every account,
// VPC and shared component covers consecutive rows, and a node shared by several exposures (the hub's execute-api
// endpoint, the shared V2 link, an application NLB) is drawn once as a tall node beside all of them. Linear in the
// size of the graph, deterministic, and stable between polls: the same exposures land on the same rows.

/** A visible part of a group's boundary, relative to the group: a VPC is interrupted where its account's regional
 * services (the REST API, the VPC link) sit between the resources inside it. */
export type Segment = { x: number; width: number };

/** Where one exposure's own resources lie (absolute): the level of detail draws it as one bar per box. */
export type ExposureRow = { requestId: string; boxes: Box[] };

export type PlatformLayout = {
  /** Relative to the parent group, as React Flow's sub flows expect. */
  boxes: TopologyLayout;
  absolute: TopologyLayout;
  segments: Record<string, Segment[]>;
  rows: ExposureRow[];
};

type Side = "platform" | "application";
type Row = {
  requestId: string;
  index: number;
  nodes: TopologyNode[];
  chains: Record<Side, string[]>;
  /** Which shared platform-side nodes the row uses, as a reflected binary (Gray) code: see platformSharing. */
  platformSharing: string;
  /** Shared application-side nodes in column order, so the rows of one application NLB stay together. */
  sharedKey: string;
};

const sideOf = (node: TopologyNode): Side => (columnOf[node.kind] > lastPlatformColumn ? "application" : "platform");

/** Vertical room between two consecutive rows: a row gap inside the same groups, padding and a gap across them. */
function spacing(above: readonly string[], below: readonly string[]): number {
  let common = 0;
  while (common < above.length && common < below.length && above[common] === below[common]) common++;
  if (common === above.length && common === below.length) return rowGap;
  return (above.length - common) * padding.bottom + groupGap + (below.length - common) * padding.top;
}

const compareKeys = (a: readonly (string | number)[], b: readonly (string | number)[]) => {
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? "";
    const y = b[index] ?? "";
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

export function layoutPlatform(graph: TopologyGraph): PlatformLayout {
  const parentOf = new Map(graph.groups.map((group) => [group.id, group.parentId]));
  const chains = new Map<string, string[]>();
  const chainOf = (groupId: string): string[] => {
    let chain = chains.get(groupId);
    if (!chain) {
      const parent = parentOf.get(groupId);
      chain = [...(parent ? chainOf(parent) : []), groupId];
      chains.set(groupId, chain);
    }
    return chain;
  };

  const rows = collectRows(graph, chainOf);
  const platformOrder = [...rows].sort((a, b) =>
    compareKeys(
      [a.chains.platform.join("/"), a.platformSharing, a.chains.application.join("/"), a.sharedKey, a.index],
      [b.chains.platform.join("/"), b.platformSharing, b.chains.application.join("/"), b.sharedKey, b.index],
    ),
  );
  const rowY = { platform: new Map<string, number>(), application: new Map<string, number>() };
  const { height } = resourceNodeSize;
  let previous: Row | undefined;
  for (const row of platformOrder) {
    const y = previous
      ? (rowY.platform.get(previous.requestId) ?? 0) +
        height +
        Math.max(
          spacing(previous.chains.platform, row.chains.platform),
          spacing(previous.chains.application, row.chains.application),
        )
      : Math.max(row.chains.platform.length, row.chains.application.length) * padding.top;
    rowY.platform.set(row.requestId, y);
    previous = row;
  }
  // The application side follows the platform side's rows; only an account reached from two hubs (rows far apart on
  // the platform side) is stacked in one place, its rows pushed down as far as needed.
  const firstSeen = new Map<string, number>();
  platformOrder.forEach((row, position) => {
    const top = row.chains.application[0] ?? "";
    if (!firstSeen.has(top)) firstSeen.set(top, position);
  });
  const position = new Map(platformOrder.map((row, index) => [row.requestId, index]));
  const applicationOrder = [...platformOrder].sort((a, b) =>
    compareKeys(
      [
        firstSeen.get(a.chains.application[0] ?? "") ?? 0,
        a.chains.application.join("/"),
        a.sharedKey,
        position.get(a.requestId) ?? 0,
      ],
      [
        firstSeen.get(b.chains.application[0] ?? "") ?? 0,
        b.chains.application.join("/"),
        b.sharedKey,
        position.get(b.requestId) ?? 0,
      ],
    ),
  );
  previous = undefined;
  for (const row of applicationOrder) {
    const aligned = rowY.platform.get(row.requestId) ?? 0;
    const below = previous
      ? (rowY.application.get(previous.requestId) ?? 0) +
        height +
        spacing(previous.chains.application, row.chains.application)
      : aligned;
    rowY.application.set(row.requestId, Math.max(aligned, below));
    previous = row;
  }

  const columnX = columnPositions(graph.nodes);
  const absolute: TopologyLayout = {};
  for (const node of graph.nodes) {
    const side = sideOf(node);
    const ys = node.requestIds.map((requestId) => rowY[side].get(requestId) ?? 0);
    const top = Math.min(...ys);
    absolute[node.id] = {
      x: columnX.get(columnOf[node.kind]) ?? 0,
      y: top,
      width: resourceNodeSize.width,
      height: Math.max(...ys) + height - top,
    };
  }
  const segments = boxGroups(graph, chainOf, absolute, columnX);

  const boxes: TopologyLayout = {};
  const relative = (id: string, parentId: string | undefined) => {
    const box = absolute[id];
    const parent = parentId ? absolute[parentId] : undefined;
    if (box) boxes[id] = parent ? { ...box, x: box.x - parent.x, y: box.y - parent.y } : box;
  };
  for (const group of graph.groups) relative(group.id, group.parentId);
  for (const node of graph.nodes) relative(node.id, node.groupId);

  return {
    boxes,
    absolute,
    segments,
    rows: platformOrder.map((row) => ({ requestId: row.requestId, boxes: rowBoxes(row, absolute, rowY) })),
  };
}

function collectRows(graph: TopologyGraph, chainOf: (groupId: string) => string[]): Row[] {
  const rows = new Map<string, Row>();
  for (const node of graph.nodes) {
    for (const requestId of node.requestIds) {
      let row = rows.get(requestId);
      if (!row) {
        row = {
          requestId,
          index: rows.size,
          nodes: [],
          chains: { platform: [], application: [] },
          platformSharing: "",
          sharedKey: "",
        };
        rows.set(requestId, row);
      }
      row.nodes.push(node);
      const side = sideOf(node);
      const chain = chainOf(node.groupId);
      if (chain.length > row.chains[side].length) row.chains[side] = chain;
    }
  }
  const byColumn = (a: TopologyNode, b: TopologyNode) => columnOf[a.kind] - columnOf[b.kind] || (a.id < b.id ? -1 : 1);
  const shared = (row: Row, side: Side) =>
    row.nodes.filter((node) => sideOf(node) === side && node.requestIds.length > 1).sort(byColumn);
  const platformShared = graph.nodes
    .filter((node) => sideOf(node) === "platform" && node.requestIds.length > 1)
    .sort(byColumn)
    .map((node) => node.id);
  for (const row of rows.values()) {
    row.platformSharing = platformSharing(new Set(shared(row, "platform").map((node) => node.id)), platformShared);
    row.sharedKey = shared(row, "application")
      .map((node) => node.id)
      .join("|");
  }
  return [...rows.values()];
}

/**
 * Rows sorted by this key keep every shared platform-side node's rows together, so its tall node overlaps nothing:
 * a hub's V1 and V2 exposures each side of the shared link's block and, inside both, the remote-network ones next to
 * each other at the boundary for the transit gateway. Reading the membership bits as a Gray code does exactly that.
 */
function platformSharing(uses: ReadonlySet<string>, shared: readonly string[]): string {
  let parity = 0;
  return shared
    .map((id) => {
      parity ^= uses.has(id) ? 1 : 0;
      return parity;
    })
    .join("");
}

/** The exposure's own resources (not the shared ones) as one box per side, or one box when both sides line up. */
function rowBoxes(row: Row, absolute: TopologyLayout, rowY: Record<Side, Map<string, number>>): Box[] {
  const boxes: Box[] = [];
  for (const side of ["platform", "application"] as const) {
    const own = row.nodes.filter((node) => node.requestIds.length === 1 && sideOf(node) === side);
    const xs = own.map((node) => absolute[node.id]).filter((box): box is Box => Boolean(box));
    if (xs.length === 0) continue;
    const box = {
      x: Math.min(...xs.map((one) => one.x)),
      y: rowY[side].get(row.requestId) ?? 0,
      width: Math.max(...xs.map((one) => one.x + one.width)) - Math.min(...xs.map((one) => one.x)),
      height: resourceNodeSize.height,
    };
    const last = boxes.at(-1);
    if (last && last.y === box.y) {
      const right = Math.max(last.x + last.width, box.x + box.width);
      last.x = Math.min(last.x, box.x);
      last.width = right - last.x;
    } else boxes.push(box);
  }
  return boxes;
}
