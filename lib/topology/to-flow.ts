import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import { resourceNodeSize, type Box, type TopologyLayout } from "./layout";
import type { TopologyEdge, TopologyGraph, TopologyGroup, TopologyNode } from "./model";
import type { Segment } from "./platform-layout";
import type { Words } from "./topology-words";

// The model as typed React Flow nodes and edges. Groups become parent nodes ahead of their children (React Flow
// needs parents first), every position is relative to the parent, and state travels in data and class names.
// Sizes and handles come from the layout, so React Flow never measures a node in the DOM. What assistive technology
// reads of a node or hop is in `words`, the page's language.

export type ResourceFlowNode = Node<{ node: TopologyNode }, "resource">;
export type GroupFlowNode = Node<{ group: TopologyGroup; segments?: Segment[] }, "group-boundary">;
export type TopologyFlowNode = ResourceFlowNode | GroupFlowNode;
/** A hop into or out of a node drawn beside many rows runs level with the node at its other end. */
export type HopFlowEdge = Edge<{ edge: TopologyEdge; levelWith?: "source" | "target" }, "hop">;

export type TopologyFlow = { nodes: TopologyFlowNode[]; edges: HopFlowEdge[] };

const noBox: Box = { x: 0, y: 0, width: 0, height: 0 };

function depth(group: TopologyGroup, byId: Map<string, TopologyGroup>): number {
  const parent = group.parentId ? byId.get(group.parentId) : undefined;
  return parent ? 1 + depth(parent, byId) : 0;
}

/** A target handle in the middle of the left side, a source handle in the middle of the right side. */
export function sideHandles(box: Box): NodeHandle[] {
  const y = box.height / 2 - 0.5;
  return [
    { type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
    { type: "source", position: Position.Right, x: box.width - 1, y, width: 1, height: 1 },
  ];
}

/** Position, size and handles as React Flow takes them when the size is known up front. */
export function placed(box: Box) {
  return {
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
  };
}

const isTall = (box: Box | undefined) => (box?.height ?? 0) > resourceNodeSize.height;

export function toFlow(
  graph: TopologyGraph,
  layout: TopologyLayout,
  words: Words,
  segments: Record<string, Segment[]> = {},
): TopologyFlow {
  const stateOf = (item: { state: TopologyNode["state"] }) => words({ key: `topology.state.${item.state}` });
  const groupsById = new Map(graph.groups.map((group) => [group.id, group]));
  const groups = [...graph.groups].sort((a, b) => depth(a, groupsById) - depth(b, groupsById));
  const groupNodes: GroupFlowNode[] = groups.map((group) => ({
    id: group.id,
    type: "group-boundary",
    ...placed(layout[group.id] ?? noBox),
    parentId: group.parentId,
    data: segments[group.id] ? { group, segments: segments[group.id] } : { group },
    className: "boundary",
    selectable: false,
    focusable: false,
    draggable: false,
    zIndex: -1,
    ariaLabel: group.label,
  }));
  const resourceNodes: ResourceFlowNode[] = graph.nodes.map((node) => {
    const box = layout[node.id] ?? noBox;
    return {
      id: node.id,
      type: "resource",
      ...placed(box),
      handles: sideHandles(box),
      parentId: node.groupId,
      extent: "parent",
      data: { node },
      className: `resource state-${node.state}${isTall(box) ? " resource-shared" : ""}`,
      draggable: false,
      ariaLabel: words({
        key: "topology.node.ariaLabel",
        values: { kind: words({ key: `topology.kind.${node.kind}` }), label: node.label, state: stateOf(node) },
      }),
    };
  });
  const edges: HopFlowEdge[] = graph.edges.map((edge) => {
    const tallSource = isTall(layout[edge.source]);
    const tallTarget = isTall(layout[edge.target]);
    const levelWith = tallSource === tallTarget ? undefined : tallSource ? "target" : "source";
    return {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: "hop",
      label: edge.label,
      data: levelWith ? { edge, levelWith } : { edge },
      className: `hop hop-${edge.style} state-${edge.state}`,
      animated: edge.state === "creating",
      markerEnd: { type: "arrowclosed" },
      ariaLabel: words({
        key: "topology.edge.ariaLabel",
        values: { label: edge.label, source: edge.source, target: edge.target, state: stateOf(edge) },
      }),
    };
  });
  return { nodes: [...groupNodes, ...resourceNodes], edges };
}
