import { DescribeRouteTablesCommand, type RouteTable } from "@aws-sdk/client-ec2";
import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import type { AccountClients } from "@/lib/aws/client-factory";
import { cidrContains, isPrivateIpv4, parseCidr, parseIpv4 } from "@/lib/requests/ipv4";

// Scenario B: the remote IPs are private, and every hub subnet routes to them (a transit or virtual private gateway).

/** The route table of each hub subnet: its own association, else the VPC's main table. */
export function routeTableOfSubnet(tables: readonly RouteTable[], subnetId: string): RouteTable | undefined {
  return (
    tables.find((table) => table.Associations?.some((association) => association.SubnetId === subnetId)) ??
    tables.find((table) => table.Associations?.some((association) => association.Main))
  );
}

/** The routes a table has for an IP, most specific first; blackholes do not route. */
export function routeFor(table: RouteTable, ip: string): { destination: string; target: string } | undefined {
  const address = parseIpv4(ip);
  if (address === undefined) return undefined;
  const matching = (table.Routes ?? [])
    .filter((route) => route.State !== "blackhole")
    .flatMap((route) => {
      const cidr = parseCidr(route.DestinationCidrBlock ?? "");
      return cidr && cidrContains(cidr, address)
        ? [
            {
              cidr,
              destination: route.DestinationCidrBlock ?? "",
              target:
                route.TransitGatewayId ??
                route.GatewayId ??
                route.NatGatewayId ??
                route.VpcPeeringConnectionId ??
                route.NetworkInterfaceId ??
                "unknown",
            },
          ]
        : [];
    })
    .sort((left, right) => right.cidr.prefix - left.cidr.prefix);
  return matching[0] && { destination: matching[0].destination, target: matching[0].target };
}

export async function checkRemoteIps(
  checks: CheckList,
  platform: AccountClients,
  hub: Hub,
  ips: readonly string[],
): Promise<void> {
  const publicIps = ips.filter((ip) => !isPrivateIpv4(ip));
  if (publicIps.length > 0)
    checks.add(
      "remoteIps.private",
      "blocker",
      { key: "dryRun.remoteIps.public", values: { ips: publicIps.join(", "), count: publicIps.length } },
      { key: "dryRun.remoteIps.publicFix" },
    );
  else checks.add("remoteIps.private", "pass", { key: "dryRun.remoteIps.allPrivate" });

  const found = await checks.read("remoteIps.routed", "routeTables", hub.accountId, () =>
    platform.ec2.send(new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [hub.vpcId] }] })),
  );
  if (!found) return;
  const tables = found.RouteTables ?? [];
  const unrouted: string[] = [];
  const via = new Set<string>();
  for (const ip of ips.filter((candidate) => isPrivateIpv4(candidate))) {
    for (const subnetId of hub.subnetIds) {
      const table = routeTableOfSubnet(tables, subnetId);
      const route = table && routeFor(table, ip);
      if (!route || route.target === "local") unrouted.push(`${ip} (${subnetId})`);
      else via.add(`${route.destination} via ${route.target}`);
    }
  }
  if (unrouted.length > 0)
    checks.add(
      "remoteIps.routed",
      "blocker",
      { key: "dryRun.remoteIps.unrouted", values: { targets: unrouted.join("; ") } },
      { key: "dryRun.remoteIps.unroutedFix" },
    );
  else if (via.size > 0)
    checks.add("remoteIps.routed", "pass", { key: "dryRun.remoteIps.routed", values: { routes: [...via].join(", ") } });
}
