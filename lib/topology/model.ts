import type { StepId } from "@/lib/provisioning/hops/registry";

// The topology as plain data, free of React: accounts contain VPCs (and networks), those contain resources; edges
// are the hops of the link chain (DESIGN §3) with protocol and port. Every node and edge carries its state and the
// IDs it stands for, so the same graph serves a plan, a run in flight, a verified chain and a decommissioned one.

export const topologyStates = ["planned", "creating", "healthy", "degraded", "failed", "deleted"] as const;
export type TopologyState = (typeof topologyStates)[number];

export const nodeKinds = [
  "consumer-vpc",
  "execute-api-endpoint",
  "rest-api",
  "vpc-link",
  "platform-nlb",
  "target-group",
  "interface-endpoint",
  "endpoint-service",
  "application-nlb",
  "service",
  "ip-targets",
  "transit-gateway",
  "remote-network",
] as const;
export type NodeKind = (typeof nodeKinds)[number];

export type GroupKind = "account" | "vpc" | "network";

export type Identifier = { label: string; value: string };

/** Where a resource has network interfaces: one entry per availability zone and subnet. */
export type Placement = { zone: string; subnetId: string; addresses: string[] };

export type TopologyGroup = {
  id: string;
  kind: GroupKind;
  label: string;
  parentId?: string;
  identifiers: Identifier[];
};

export type TopologyNode = {
  id: string;
  kind: NodeKind;
  label: string;
  groupId: string;
  state: TopologyState;
  /** Why the node is degraded, failed or will be created. */
  reason?: string;
  identifiers: Identifier[];
  /** The interface endpoint's ENIs per zone and subnet of the hub VPC, once the endpoint is available. */
  placements?: Placement[];
  accountId: string;
  region: string;
  /** The step that creates this resource; absent for what exists before Gatehouse (hub, application NLB). */
  createdBy?: StepId;
  lastVerifiedAt?: string;
  consoleUrl?: string;
  /** The exposures the node serves: one, or many for the hub's shared components. */
  requestIds: string[];
};

export type EdgeStyle = "direct" | "privatelink" | "routed";

export type TopologyEdge = {
  id: string;
  source: string;
  target: string;
  /** Protocol and port as an engineer says it: "TCP 8443", "HTTPS 443". */
  label: string;
  hop?: StepId;
  style: EdgeStyle;
  state: TopologyState;
  reason?: string;
  lastVerifiedAt?: string;
  requestIds: string[];
};

export type TopologyGraph = { groups: TopologyGroup[]; nodes: TopologyNode[]; edges: TopologyEdge[] };

/** When one node stands for several exposures, the worst news wins, then what exists over what is only planned. */
const mergeRank: Record<TopologyState, number> = {
  failed: 5,
  degraded: 4,
  healthy: 3,
  creating: 2,
  planned: 1,
  deleted: 0,
};

export function worseState(a: TopologyState, b: TopologyState): TopologyState {
  return mergeRank[a] >= mergeRank[b] ? a : b;
}
