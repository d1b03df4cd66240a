import type { ElkExtendedEdge, ElkNode, LayoutOptions } from "elkjs/lib/elk-api";
import type { TopologyGraph } from "./model";

// The request view's layout as a pure function of the graph: elkjs's layered algorithm, left to right along the chain,
// with accounts, VPCs and networks as compound nodes and edges routed across their boundaries. The ELK instance is
// passed in, so tests run it in Node and the page loads it only when a request's chain is shown. (The platform map,
// hundreds of chains of the same shape, is laid out by platform-layout.ts instead.)

export type LayoutEngine = { layout(graph: ElkNode): Promise<ElkNode> };

export type Box = { x: number; y: number; width: number; height: number };

/** Every group's and node's box; x and y are relative to the parent group, as React Flow's sub flows expect. */
export type TopologyLayout = Record<string, Box>;

export const resourceNodeSize = { width: 220, height: 76 };

const rootOptions: LayoutOptions = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.layered.spacing.nodeNodeBetweenLayers": "56",
  "elk.spacing.nodeNode": "24",
  "elk.spacing.componentComponent": "32",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
};

// Room at the top of each group for its label.
const groupOptions: LayoutOptions = { "elk.padding": "[top=40,left=16,bottom=16,right=16]" };

export function toElkGraph(graph: TopologyGraph): ElkNode {
  const elkNodes = new Map<string, ElkNode>();
  for (const group of graph.groups) elkNodes.set(group.id, { id: group.id, layoutOptions: groupOptions, children: [] });
  for (const node of graph.nodes) elkNodes.set(node.id, { id: node.id, ...resourceNodeSize });
  const root: ElkNode = { id: "root", layoutOptions: rootOptions, children: [], edges: [] };
  const parents = new Map<string, string | undefined>([
    ...graph.groups.map((group) => [group.id, group.parentId] as const),
    ...graph.nodes.map((node) => [node.id, node.groupId] as const),
  ]);
  for (const [id, elkNode] of elkNodes) {
    const parent = elkNodes.get(parents.get(id) ?? "") ?? root;
    (parent.children ??= []).push(elkNode);
  }
  // Each edge lives in the innermost group holding both ends, where ELK expects it.
  const ancestors = (id: string): string[] => {
    const parent = parents.get(id);
    return parent ? [parent, ...ancestors(parent)] : [];
  };
  for (const edge of graph.edges) {
    const sourceAncestors = ancestors(edge.source);
    const container = elkNodes.get(ancestors(edge.target).find((id) => sourceAncestors.includes(id)) ?? "") ?? root;
    const elkEdge: ElkExtendedEdge = { id: edge.id, sources: [edge.source], targets: [edge.target] };
    (container.edges ??= []).push(elkEdge);
  }
  return root;
}

export function boxesFromElk(root: ElkNode): TopologyLayout {
  const boxes: TopologyLayout = {};
  const visit = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      boxes[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      visit(child);
    }
  };
  visit(root);
  return boxes;
}

export async function layoutTopology(graph: TopologyGraph, engine: LayoutEngine): Promise<TopologyLayout> {
  return boxesFromElk(await engine.layout(toElkGraph(graph)));
}
