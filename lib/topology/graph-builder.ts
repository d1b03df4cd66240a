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
// Merging is linear: a node shared by 500 exposures is not copied 500 times.

type Mergeable = {
  state: TopologyNode["state"];
  reason?: string;
  requestIds: string[];
  lastVerifiedAt?: string;
  identifiers?: Identifier[];
};

class Merged<T extends Mergeable> {
  private readonly requestIds: Set<string>;
  private readonly identifierKeys: Set<string>;

  constructor(private item: T) {
    this.requestIds = new Set(item.requestIds);
    this.identifierKeys = new Set(item.identifiers?.map(identifierKey));
    this.item = { ...item, identifiers: item.identifiers && [...item.identifiers] };
  }

  add(incoming: T): void {
    const item = this.item;
    const state = worseState(item.state, incoming.state);
    if (state !== item.state) {
      item.state = state;
      item.reason = incoming.reason;
    }
    for (const id of incoming.requestIds) this.requestIds.add(id);
    if (incoming.lastVerifiedAt && (!item.lastVerifiedAt || incoming.lastVerifiedAt > item.lastVerifiedAt))
      item.lastVerifiedAt = incoming.lastVerifiedAt;
    for (const identifier of incoming.identifiers ?? []) {
      const key = identifierKey(identifier);
      if (!item.identifiers || this.identifierKeys.has(key)) continue;
      this.identifierKeys.add(key);
      item.identifiers.push(identifier);
    }
  }

  result(): T {
    return { ...this.item, requestIds: [...this.requestIds] };
  }
}

const identifierKey = (identifier: Identifier) => `${identifier.label}=${identifier.value}`;

export class GraphBuilder {
  private readonly groups = new Map<string, TopologyGroup>();
  private readonly nodes = new Map<string, Merged<TopologyNode>>();
  private readonly edges = new Map<string, Merged<TopologyEdge>>();

  group(group: TopologyGroup): string {
    if (!this.groups.has(group.id)) this.groups.set(group.id, group);
    return group.id;
  }

  node(node: TopologyNode): string {
    const existing = this.nodes.get(node.id);
    if (existing) existing.add(node);
    else this.nodes.set(node.id, new Merged(node));
    return node.id;
  }

  edge(edge: Omit<TopologyEdge, "id">): void {
    const id = `${edge.source}->${edge.target}`;
    const existing = this.edges.get(id);
    if (existing) existing.add({ ...edge, id });
    else this.edges.set(id, new Merged({ ...edge, id }));
  }

  build(): TopologyGraph {
    return {
      groups: [...this.groups.values()],
      nodes: [...this.nodes.values()].map((node) => node.result()),
      edges: [...this.edges.values()].map((edge) => edge.result()),
    };
  }
}
