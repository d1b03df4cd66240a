import type { NodeKind, TopologyState } from "@/lib/topology/model";

// Short marks for node kinds and states, so nothing relies on colour alone.

export const kindGlyphs: Record<NodeKind, string> = {
  "consumer-vpc": "VPC",
  "execute-api-endpoint": "EP",
  "rest-api": "API",
  "vpc-link": "LNK",
  "platform-nlb": "NLB",
  "target-group": "TG",
  "interface-endpoint": "ENI",
  "endpoint-service": "SVC",
  "application-nlb": "NLB",
  service: "APP",
  "ip-targets": "IP",
  "transit-gateway": "TGW",
  "remote-network": "DC",
};

export const stateGlyphs: Record<TopologyState, string> = {
  planned: "◌",
  creating: "⟳",
  healthy: "✓",
  degraded: "⚠",
  failed: "✕",
  deleted: "⊘",
};
