import type { TopologyGraph } from "./model";

// The request view's layout as a pure function of the graph and the canvas's size. One chain is ten-odd resources in
// two or three accounts; drawn in one line it is a strip ten times wider than tall, which fits a canvas only at a zoom
// where nobody can read it. So each group (account, VPC, network) wraps its children, in the chain's order, into rows
// like words in a paragraph, and the width of those rows is chosen for the canvas: the layout that fits it at the
// highest zoom wins. (The platform map, hundreds of chains of the same shape, is laid out by platform-layout.ts.)

export type Box = { x: number; y: number; width: number; height: number };

/** Every group's and node's box; x and y are relative to the parent group, as React Flow's sub flows expect. */
export type TopologyLayout = Record<string, Box>;

export type Size = { width: number; height: number };

export const resourceNodeSize = { width: 220, height: 76 };

/** Between nodes in a row: room for the hop's arrow and its "TCP 8443" label. */
const columnGap = 56;
/** Between rows: room for a hop that runs from the end of one row back to the start of the next. */
const rowGap = 32;
/** Room at the top of each group for its label and identifiers. */
const padding = { top: 40, side: 16, bottom: 16 };
const rootId = "";
/** The widest rows tried, in nodes: beyond that a chain is a strip again. */
const maxColumns = 8;

type Child = { id: string; group: boolean };

/** Each group's children (and the root's) in the order the chain first reaches them. */
function childrenByParent(graph: TopologyGraph): Map<string, Child[]> {
  const parentOf = new Map<string, string>([
    ...graph.groups.map((group) => [group.id, group.parentId ?? rootId] as const),
    ...graph.nodes.map((node) => [node.id, node.groupId] as const),
  ]);
  const children = new Map<string, Child[]>();
  const seen = new Set<string>();
  const add = (id: string, group: boolean) => {
    if (seen.has(id)) return;
    seen.add(id);
    const parent = parentOf.get(id) ?? rootId;
    if (parent !== rootId) add(parent, true);
    const siblings = children.get(parent) ?? [];
    siblings.push({ id, group });
    children.set(parent, siblings);
  };
  for (const node of graph.nodes) add(node.id, false);
  for (const group of graph.groups) add(group.id, true);
  return children;
}

/** Lays out one group's children in rows no wider than maxWidth; returns the group's inner size. */
function wrap(parent: string, maxWidth: number, children: Map<string, Child[]>, boxes: TopologyLayout): Size {
  const inset = parent === rootId ? { top: 0, side: 0, bottom: 0 } : padding;
  const inner = maxWidth - 2 * inset.side;
  const sizes = (children.get(parent) ?? []).map(({ id, group }) => ({
    id,
    ...(group ? wrap(id, inner, children, boxes) : resourceNodeSize),
  }));
  let x = 0;
  let y = inset.top;
  let rowHeight = 0;
  let width = 0;
  for (const child of sizes) {
    if (x > 0 && x + child.width > inner) {
      y += rowHeight + rowGap;
      x = 0;
      rowHeight = 0;
    }
    boxes[child.id] = { x: inset.side + x, y, width: child.width, height: child.height };
    x += child.width + columnGap;
    rowHeight = Math.max(rowHeight, child.height);
    width = Math.max(width, x - columnGap);
  }
  return { width: width + 2 * inset.side, height: y + rowHeight + inset.bottom };
}

/** The layout for rows of `columns` nodes, its overall size, and the zoom at which it fits the canvas. */
function layoutWithColumns(graph: TopologyGraph, columns: number, canvas: Size) {
  const boxes: TopologyLayout = {};
  const nesting = 2 * padding.side * 2;
  const size = wrap(rootId, columns * (resourceNodeSize.width + columnGap) + nesting, childrenByParent(graph), boxes);
  return { boxes, size, zoom: Math.min(canvas.width / size.width, canvas.height / size.height) };
}

export function layoutRequest(graph: TopologyGraph, canvas: Size): TopologyLayout {
  let best = layoutWithColumns(graph, 1, canvas);
  for (let columns = 2; columns <= maxColumns; columns++) {
    const candidate = layoutWithColumns(graph, columns, canvas);
    if (candidate.zoom > best.zoom) best = candidate;
  }
  return best.boxes;
}
