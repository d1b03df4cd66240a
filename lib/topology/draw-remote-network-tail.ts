import { id, type ExposureDrawing } from "./exposure-drawing";

// Scenario B's tail: target group → IP targets → transit gateway → remote network.

export function addRemoteNetworkTail(drawing: ExposureDrawing, targetGroup: string): void {
  const { builder, facts, node, edge, tcp, prefix } = drawing;
  const { request, hub } = facts;
  const networkName = request.remoteNetworkName ?? "remote network";
  const network = builder.group({
    id: `network:${networkName}`,
    kind: "network",
    label: `Remote network ${networkName}`,
    identifiers: [],
  });
  const ips = node({
    accountId: hub.accountId,
    id: `${prefix}:ip-targets`,
    kind: "ip-targets",
    groupId: drawing.hubVpc,
    steps: ["targets.register"],
    identifiers: [id("IPs", request.remoteIps), id("Availability zone", "all")],
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
    label: `Service in ${networkName}`,
    groupId: network,
    steps: [],
    checkedHops: ["chain.verify"],
    identifiers: [id("IPs", request.remoteIps), id("Port", tcp)],
  });

  edge({ source: targetGroup, target: ips, label: tcp, steps: ["targets.register"] });
  edge({ source: ips, target: transit, label: "routed by the hub route table", style: "routed", steps: [] });
  edge({ source: transit, target: remote, label: tcp, style: "routed", steps: [], checkedHops: ["chain.verify"] });
}
