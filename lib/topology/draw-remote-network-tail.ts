import type { ExposureDrawing } from "./exposure-drawing";

// Scenario B's tail: target group → IP targets → transit gateway → remote network.

export function addRemoteNetworkTail(drawing: ExposureDrawing, targetGroup: string): void {
  const { builder, facts, node, edge, tcp, prefix, id, say } = drawing;
  const { request, hub } = facts;
  const networkName = request.remoteNetworkName ?? say("topology.group.unnamedNetwork");
  const network = builder.group({
    // The same ID in every language.
    id: `network:${request.remoteNetworkName ?? "remote network"}`,
    kind: "network",
    label: say("topology.group.remoteNetwork", { name: networkName }),
    identifiers: [],
  });
  const ips = node({
    accountId: hub.accountId,
    id: `${prefix}:ip-targets`,
    kind: "ip-targets",
    groupId: drawing.hubVpc,
    steps: ["targets.register"],
    identifiers: [id("ips", request.remoteIps), id("availabilityZone", say("topology.identifier.allZones"))],
  });
  const transit = node({
    accountId: hub.accountId,
    id: `tgw:${hub.accountId}:${hub.region}`,
    kind: "transit-gateway",
    groupId: drawing.platform,
    steps: [],
    console: { kind: "transit-gateways" },
  });
  const remote = node({
    accountId: hub.accountId,
    id: `${prefix}:remote`,
    kind: "remote-network",
    label: say("topology.label.remoteService", { network: networkName }),
    groupId: network,
    steps: [],
    checkedHops: ["chain.verify"],
    identifiers: [id("ips", request.remoteIps), id("port", tcp)],
  });

  edge({ source: targetGroup, target: ips, label: tcp, steps: ["targets.register"] });
  edge({ source: ips, target: transit, label: say("topology.edge.routedByHub"), style: "routed", steps: [] });
  edge({ source: transit, target: remote, label: tcp, style: "routed", steps: [], checkedHops: ["chain.verify"] });
}
