import { DescribeSubnetsCommand } from "@aws-sdk/client-ec2";
import type { LoadBalancer } from "@aws-sdk/client-elastic-load-balancing-v2";
import type { Hub } from "../exposure";
import type { CheckList } from "./check-list";
import type { AccountClients } from "@/lib/aws/client-factory";

// Zones are compared by zone ID: zone names differ between accounts (the team's eu-west-1b may be our eu-west-1c).

/** The hub's zones (zone ID → subnet), and whether they give the chain zone redundancy. */
export async function hubZoneIds(checks: CheckList, platform: AccountClients, hub: Hub): Promise<Map<string, string>> {
  const found = await checks.read("hub.subnets", "hubSubnets", hub.accountId, () =>
    platform.ec2.send(new DescribeSubnetsCommand({ SubnetIds: hub.subnetIds })),
  );
  const zones = new Map(
    (found?.Subnets ?? []).map((subnet) => [subnet.AvailabilityZoneId ?? "", subnet.SubnetId ?? ""]),
  );
  if (found && zones.size < 2)
    checks.add(
      "hub.subnets",
      "warning",
      { key: "dryRun.hubSubnets.oneZone", values: { count: zones.size } },
      { key: "dryRun.hubSubnets.oneZoneFix" },
    );
  else if (found)
    checks.add("hub.subnets", "pass", {
      key: "dryRun.hubSubnets.zones",
      values: { count: zones.size, zones: [...zones.keys()].sort().join(", ") },
    });
  return zones;
}

/** The application NLB must share a zone with the hub: the interface endpoint gets addresses only in shared zones. */
export async function checkLoadBalancerZones(
  checks: CheckList,
  app: AccountClients,
  input: { accountId: string; name: string; loadBalancer: LoadBalancer; hubZones: Map<string, string> },
): Promise<void> {
  const { accountId, name, loadBalancer, hubZones } = input;
  const subnetIds = (loadBalancer.AvailabilityZones ?? [])
    .map((zone) => zone.SubnetId)
    .filter((id) => id !== undefined);
  const subnets = await checks.read("availabilityZones", "loadBalancerSubnets", accountId, () =>
    app.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds })),
  );
  if (!subnets || hubZones.size === 0) return;
  const loadBalancerZones = (subnets.Subnets ?? []).map((subnet) => subnet.AvailabilityZoneId ?? "");
  const shared = loadBalancerZones.filter((zone) => hubZones.has(zone)).sort();
  if (shared.length === 0)
    checks.add(
      "availabilityZones",
      "blocker",
      {
        key: "dryRun.zones.noneShared",
        values: { name, zones: loadBalancerZones.join(", "), hubZones: [...hubZones.keys()].join(", ") },
      },
      { key: "dryRun.zones.noneSharedFix" },
    );
  else if (shared.length < hubZones.size)
    checks.add("availabilityZones", "warning", {
      key: "dryRun.zones.someShared",
      values: { name, shared: shared.join(", ") },
    });
  else
    checks.add("availabilityZones", "pass", {
      key: "dryRun.zones.allShared",
      values: { name, zones: shared.join(", ") },
    });
}
