import type { TopologyGraph, TopologyNode } from "./model";

// The platform map's filters and search, on plain data: keep what serves the chosen exposures (shared hub parts stay
// while any of their exposures is shown, and then serve only the shown ones), drop groups left empty, and find nodes
// by name or any identifier.

export function filterGraph(graph: TopologyGraph, requestIds: ReadonlySet<string>): TopologyGraph {
  const serves = (item: { requestIds: string[] }) => item.requestIds.some((id) => requestIds.has(id));
  const narrowed = <T extends { requestIds: string[] }>(item: T): T =>
    item.requestIds.every((id) => requestIds.has(id))
      ? item
      : { ...item, requestIds: item.requestIds.filter((id) => requestIds.has(id)) };
  const nodes = graph.nodes.filter(serves).map(narrowed);
  const used = new Set<string>();
  const parentOf = new Map(graph.groups.map((group) => [group.id, group.parentId]));
  for (const node of nodes) {
    for (let group: string | undefined = node.groupId; group && !used.has(group); group = parentOf.get(group))
      used.add(group);
  }
  return {
    groups: graph.groups.filter((group) => used.has(group.id)),
    nodes,
    edges: graph.edges.filter(serves).map(narrowed),
  };
}

export function searchNodes(graph: TopologyGraph, query: string): TopologyNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  return graph.nodes.filter((node) =>
    [node.label, ...node.identifiers.map((identifier) => identifier.value)].some((text) =>
      text.toLowerCase().includes(needle),
    ),
  );
}
