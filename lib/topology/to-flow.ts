import type { Edge, Node } from "@xyflow/react";
import type { Box, TopologyLayout } from "./layout";
import {
  nodeKindLabels,
  stateLabels,
  type TopologyEdge,
  type TopologyGraph,
  type TopologyGroup,
  type TopologyNode,
} from "./model";

// The model as typed React Flow nodes and edges. Groups become parent nodes ahead of their children (React Flow
// needs parents first), every position is relative to the parent, and state travels in data and class names.

export type ResourceFlowNode = Node<{ node: TopologyNode }, "resource">;
export type GroupFlowNode = Node<{ group: TopologyGroup }, "group-boundary">;
export type TopologyFlowNode = ResourceFlowNode | GroupFlowNode;
export type HopFlowEdge = Edge<{ edge: TopologyEdge }>;

export type TopologyFlow = { nodes: TopologyFlowNode[]; edges: HopFlowEdge[] };

const noBox: Box = { x: 0, y: 0, width: 0, height: 0 };

function depth(group: TopologyGroup, byId: Map<string, TopologyGroup>): number {
  const parent = group.parentId ? byId.get(group.parentId) : undefined;
  return parent ? 1 + depth(parent, byId) : 0;
}

export function toFlow(graph: TopologyGraph, layout: TopologyLayout): TopologyFlow {
  const groupsById = new Map(graph.groups.map((group) => [group.id, group]));
  const groups = [...graph.groups].sort((a, b) => depth(a, groupsById) - depth(b, groupsById));
  const groupNodes: GroupFlowNode[] = groups.map((group) => {
    const box = layout[group.id] ?? noBox;
    return {
      id: group.id,
      type: "group-boundary",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      parentId: group.parentId,
      data: { group },
      className: `boundary boundary-${group.kind}`,
      selectable: false,
      focusable: false,
      draggable: false,
      zIndex: -1,
      ariaLabel: group.label,
    };
  });
  const resourceNodes: ResourceFlowNode[] = graph.nodes.map((node) => {
    const box = layout[node.id] ?? noBox;
    return {
      id: node.id,
      type: "resource",
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      parentId: node.groupId,
      extent: "parent",
      data: { node },
      className: `resource state-${node.state}`,
      draggable: false,
      ariaLabel: `${nodeKindLabels[node.kind]}: ${node.label}, ${stateLabels[node.state]}`,
    };
  });
  const edges: HopFlowEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: "smoothstep",
    label: edge.label,
    data: { edge },
    className: `hop hop-${edge.style} state-${edge.state}`,
    animated: edge.state === "creating",
    markerEnd: { type: "arrowclosed" },
    ariaLabel: `${edge.label} from ${edge.source} to ${edge.target}, ${stateLabels[edge.state]}`,
  }));
  return { nodes: [...groupNodes, ...resourceNodes], edges };
}
