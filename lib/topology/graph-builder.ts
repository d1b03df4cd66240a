import {
  worseState,
  type Identifier,
  type TopologyEdge,
  type TopologyGraph,
  type TopologyGroup,
  type TopologyNode,
} from "./model";

// Collects groups, nodes and edges from any number of exposures. The hub's shared components come with the same id
// from every exposure and are kept once: their exposures are united, the worse state wins, identifiers are merged.

export class GraphBuilder {
  private readonly groups = new Map<string, TopologyGroup>();
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly edges = new Map<string, TopologyEdge>();

  group(group: TopologyGroup): string {
    if (!this.groups.has(group.id)) this.groups.set(group.id, group);
    return group.id;
  }

  node(node: TopologyNode): string {
    const existing = this.nodes.get(node.id);
    this.nodes.set(node.id, existing ? merge(existing, node) : node);
    return node.id;
  }

  edge(edge: Omit<TopologyEdge, "id">): void {
    const id = `${edge.source}->${edge.target}`;
    const existing = this.edges.get(id);
    this.edges.set(id, existing ? merge(existing, { ...edge, id }) : { ...edge, id });
  }

  build(): TopologyGraph {
    return { groups: [...this.groups.values()], nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

type Mergeable = {
  state: TopologyNode["state"];
  reason?: string;
  requestIds: string[];
  lastVerifiedAt?: string;
  identifiers?: Identifier[];
};

function merge<T extends Mergeable>(existing: T, incoming: T): T {
  const state = worseState(existing.state, incoming.state);
  const source = state === existing.state ? existing : incoming;
  const identifiers =
    existing.identifiers && incoming.identifiers
      ? mergeIdentifiers(existing.identifiers, incoming.identifiers)
      : existing.identifiers;
  return {
    ...existing,
    state,
    reason: source.reason,
    identifiers,
    requestIds: [...new Set([...existing.requestIds, ...incoming.requestIds])],
    lastVerifiedAt: [existing.lastVerifiedAt, incoming.lastVerifiedAt].filter(Boolean).sort().at(-1),
  };
}

function mergeIdentifiers(a: Identifier[], b: Identifier[]): Identifier[] {
  const seen = new Set(a.map((identifier) => `${identifier.label}=${identifier.value}`));
  return [...a, ...b.filter((identifier) => !seen.has(`${identifier.label}=${identifier.value}`))];
}
