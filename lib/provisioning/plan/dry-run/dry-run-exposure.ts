import { GetVpcLinksCommand } from "@aws-sdk/client-api-gateway";
import {
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeRouteTablesCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  type RouteTable,
} from "@aws-sdk/client-ec2";
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  type LoadBalancer,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { StepId } from "@/lib/provisioning/hops/registry";
import type { Exposure, Hub } from "../exposure";
import { criticalPathMs, planChain, type PlannedStep } from "../plan-chain";
import { buildResourcePolicy, serializeResourcePolicy, type ResourcePolicy } from "@/lib/provisioning/resource-policy";
import { isAccessDenied } from "@/lib/provisioning/engine/step-runtime";
import type { AccountAccess, AccountClients, ClientFactory } from "@/lib/aws/client-factory";
import { executeApiServiceName } from "@/lib/aws/partition";
import { cidrContains, isPrivateIpv4, parseCidr, parseIpv4 } from "@/lib/requests/ipv4";

// The plan an approver reviews: the steps the worker will run, and every check that can be made against AWS without
// creating anything (reads and EC2 DryRun). A blocker means the run would fail; a warning means it may need attention.

export type CheckStatus = "pass" | "warning" | "blocker";
export type DryRunCheck = { id: string; status: CheckStatus; message: string; fix?: string };
export type QuotaUse = { name: string; used: number; adds: number; limit: number };
export type DryRunResult = {
  steps: PlannedStep[];
  checks: DryRunCheck[];
  resourcePolicy: ResourcePolicy;
  quotas: QuotaUse[];
  criticalPathMs: number;
  evaluatedAt: string;
};

export type DryRunInput = {
  clients: ClientFactory;
  exposure: Exposure;
  hub: Hub;
  platform: AccountAccess;
  /** The application account's role (scenario A). */
  application?: AccountAccess;
};

export const quotaLimits = { v1VpcLinks: 20, loadBalancers: 50, listenersPerLoadBalancer: 50 } as const;

/** Typical real-AWS durations, for the critical-path estimate only (DESIGN §3). */
const typicalDurationMs: Partial<Record<StepId, number>> = {
  "interfaceEndpoint.awaitAvailable": 180_000,
  "loadBalancer.awaitActive": 180_000,
  "vpcLink.awaitAvailable": 180_000,
  "restApi.deploy": 5_000,
};

export function estimateCriticalPathMs(steps: readonly PlannedStep[], linkMode: Hub["linkMode"]): number {
  return criticalPathMs(steps, (id) =>
    id === "vpcLink.awaitAvailable" && linkMode === "v2" ? 300_000 : (typicalDurationMs[id] ?? 2_000),
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

class CheckList {
  readonly checks: DryRunCheck[] = [];
  add(id: string, status: CheckStatus, message: string, fix?: string): void {
    this.checks.push(fix ? { id, status, message, fix } : { id, status, message });
  }
  /** Runs one AWS read; a failure becomes a check (a blocker when the role is missing the action) and undefined. */
  async read<T>(id: string, what: string, accountId: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (isAccessDenied(error)) {
        this.add(
          id,
          "blocker",
          `Gatehouse's role in account ${accountId} may not ${what}: ${errorMessage(error)}`,
          `Grant the missing action to the Gatehouse role in ${accountId} and verify the account again.`,
        );
      } else {
        this.add(
          id,
          "warning",
          `Could not ${what} in account ${accountId}: ${errorName(error)}: ${errorMessage(error)}`,
          "Try the preview again; if it persists, ask the platform team.",
        );
      }
      return undefined;
    }
  }
  /** EC2 DryRun: DryRunOperation means the role may make the call; UnauthorizedOperation means it may not. */
  async permission(id: string, action: string, accountId: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
      this.add(
        id,
        "warning",
        `${action} in ${accountId} answered without DryRun semantics; the permission is unconfirmed.`,
      );
    } catch (error) {
      const name = errorName(error);
      if (name === "DryRunOperation") this.add(id, "pass", `The role in ${accountId} may call ${action}.`);
      else if (isAccessDenied(error))
        this.add(
          id,
          "blocker",
          `The role in ${accountId} may not call ${action}.`,
          `Add ${action} to the Gatehouse role in ${accountId}, then verify the account again.`,
        );
      else this.add(id, "warning", `Could not confirm ${action} in ${accountId}: ${name}: ${errorMessage(error)}`);
    }
  }
}

export async function dryRunExposure(input: DryRunInput): Promise<DryRunResult> {
  const { exposure, hub } = input;
  const checks = new CheckList();
  const purpose = `dry-run-${exposure.requestId}`;
  const platform = input.clients.clientsFor(input.platform, purpose);
  const hubZones = await hubZoneIds(checks, platform, hub);

  if (exposure.source.kind === "crossAccountNlb") {
    if (!input.application)
      checks.add(
        "application.account",
        "blocker",
        `Account ${exposure.source.accountId} is not registered and verified.`,
        "Ask a platform admin to register and verify the account.",
      );
    else
      await checkApplicationLoadBalancer(
        checks,
        input.clients.clientsFor(input.application, purpose),
        exposure.source,
        hubZones,
      );
    await checks.permission("permission.createInterfaceEndpoint", "ec2:CreateVpcEndpoint", hub.accountId, () =>
      platform.ec2.send(
        new CreateVpcEndpointCommand({
          DryRun: true,
          VpcEndpointType: "Interface",
          VpcId: hub.vpcId,
          ServiceName: executeApiServiceName(hub.region),
          SubnetIds: hub.subnetIds,
          SecurityGroupIds: hub.securityGroupIds,
        }),
      ),
    );
  } else {
    await checkRemoteIps(checks, platform, hub, exposure.source.ips);
  }

  const quotas = await quotaUse(checks, platform, hub);
  const resourcePolicy = buildResourcePolicy([hub.executeApiEndpointId]);
  const policyLength = serializeResourcePolicy(resourcePolicy).length;
  checks.add(
    "resourcePolicy",
    "pass",
    `Invoke is denied unless the call arrives through ${hub.executeApiEndpointId} (${policyLength} of 8192 characters).`,
  );

  const steps = planChain(exposure, hub);
  return {
    steps,
    checks: checks.checks,
    resourcePolicy,
    quotas,
    criticalPathMs: estimateCriticalPathMs(steps, hub.linkMode),
    evaluatedAt: new Date().toISOString(),
  };
}

async function hubZoneIds(checks: CheckList, platform: AccountClients, hub: Hub): Promise<Map<string, string>> {
  const found = await checks.read("hub.subnets", "describe the hub subnets", hub.accountId, () =>
    platform.ec2.send(new DescribeSubnetsCommand({ SubnetIds: hub.subnetIds })),
  );
  const zones = new Map(
    (found?.Subnets ?? []).map((subnet) => [subnet.AvailabilityZoneId ?? "", subnet.SubnetId ?? ""]),
  );
  if (found && zones.size < 2)
    checks.add(
      "hub.subnets",
      "warning",
      `The hub subnets span ${zones.size} Availability Zone; the chain has no zone redundancy.`,
      "Configure the hub with subnets in at least two zones.",
    );
  else if (found)
    checks.add(
      "hub.subnets",
      "pass",
      `The hub subnets span ${zones.size} Availability Zones (${[...zones.keys()].sort().join(", ")}).`,
    );
  return zones;
}

async function checkApplicationLoadBalancer(
  checks: CheckList,
  app: AccountClients,
  source: Extract<Exposure["source"], { kind: "crossAccountNlb" }>,
  hubZones: Map<string, string>,
): Promise<void> {
  const { accountId, loadBalancerArn, port } = source;
  let loadBalancer: LoadBalancer | undefined;
  try {
    loadBalancer = (await app.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [loadBalancerArn] })))
      .LoadBalancers?.[0];
  } catch (error) {
    if (!errorName(error).startsWith("LoadBalancerNotFound"))
      return void (await checks.read("loadBalancer.found", "describe load balancers", accountId, () =>
        Promise.reject(error),
      ));
  }
  if (!loadBalancer) {
    checks.add(
      "loadBalancer.found",
      "blocker",
      `No load balancer ${loadBalancerArn} in account ${accountId}.`,
      "Pick a load balancer from the list of the account's internal NLBs.",
    );
    return;
  }
  const name = loadBalancer.LoadBalancerName ?? loadBalancerArn;
  checks.add("loadBalancer.found", "pass", `Load balancer ${name} exists in ${accountId}.`);
  if (loadBalancer.Type === "network") checks.add("loadBalancer.type", "pass", `${name} is a network load balancer.`);
  else
    checks.add(
      "loadBalancer.type",
      "blocker",
      `${name} is an ${loadBalancer.Type ?? "unknown"} load balancer; an endpoint service needs a network load balancer.`,
      "Put the service behind an internal NLB (for Kubernetes: service.beta.kubernetes.io/aws-load-balancer-type: external, nlb-target-type: ip).",
    );
  if (loadBalancer.Scheme === "internal") checks.add("loadBalancer.scheme", "pass", `${name} is internal.`);
  else
    checks.add(
      "loadBalancer.scheme",
      "blocker",
      `${name} is ${loadBalancer.Scheme ?? "of unknown scheme"}; only internal load balancers may be exposed privately.`,
      "Use an internal NLB (aws-load-balancer-scheme: internal).",
    );
  const state = loadBalancer.State?.Code ?? "unknown";
  if (state === "active") checks.add("loadBalancer.state", "pass", `${name} is active.`);
  else if (state === "provisioning")
    checks.add("loadBalancer.state", "warning", `${name} is still provisioning; the run waits for it.`);
  else
    checks.add(
      "loadBalancer.state",
      "blocker",
      `${name} is ${state}.`,
      "Wait until the load balancer is active, or fix it in the application account.",
    );

  const listeners = await checks.read("loadBalancer.listener", "describe listeners", accountId, () =>
    app.elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn })),
  );
  if (listeners) {
    const ports = (listeners.Listeners ?? []).map((listener) => listener.Port).filter((value) => value !== undefined);
    if (ports.includes(port)) checks.add("loadBalancer.listener", "pass", `${name} listens on port ${port}.`);
    else
      checks.add(
        "loadBalancer.listener",
        "blocker",
        `${name} has no listener on port ${port} (it listens on ${ports.length > 0 ? ports.join(", ") : "no port"}).`,
        `Pick one of the listener ports: ${ports.join(", ") || "none"}.`,
      );
  }

  const services = await checks.read("loadBalancer.endpointService", "describe endpoint services", accountId, () =>
    app.ec2.send(new DescribeVpcEndpointServiceConfigurationsCommand({})),
  );
  if (services) {
    const other = (services.ServiceConfigurations ?? []).find((service) =>
      service.NetworkLoadBalancerArns?.includes(loadBalancerArn),
    );
    // An NLB backs at most one endpoint service; the one Gatehouse made for an earlier exposure is shared, not a clash.
    const gatehouses = other?.Tags?.some((tag) => tag.Key === "gatehouse:managed" && tag.Value === "true");
    if (other && gatehouses)
      checks.add(
        "loadBalancer.endpointService",
        "pass",
        `${name} backs Gatehouse's endpoint service ${other.ServiceId ?? ""}, which this exposure will share.`,
      );
    else if (other)
      checks.add(
        "loadBalancer.endpointService",
        "blocker",
        `${name} already backs endpoint service ${other.ServiceId ?? ""}.`,
        "Remove that endpoint service, or ask the platform team to connect to it instead.",
      );
    else checks.add("loadBalancer.endpointService", "pass", `${name} backs no other endpoint service.`);
  }

  const subnetIds = (loadBalancer.AvailabilityZones ?? [])
    .map((zone) => zone.SubnetId)
    .filter((id) => id !== undefined);
  const subnets = await checks.read("availabilityZones", "describe the load balancer's subnets", accountId, () =>
    app.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds })),
  );
  if (subnets && hubZones.size > 0) {
    const loadBalancerZones = (subnets.Subnets ?? []).map((subnet) => subnet.AvailabilityZoneId ?? "");
    const shared = loadBalancerZones.filter((zone) => hubZones.has(zone)).sort();
    if (shared.length === 0)
      checks.add(
        "availabilityZones",
        "blocker",
        `${name} (zones ${loadBalancerZones.join(", ")}) shares no Availability Zone with the hub subnets (${[...hubZones.keys()].join(", ")}).`,
        "Enable the NLB in a zone of the hub, or add a hub subnet in one of the NLB's zones.",
      );
    else if (shared.length < hubZones.size)
      checks.add(
        "availabilityZones",
        "warning",
        `Only ${shared.join(", ")} is shared between ${name} and the hub; the endpoint gets no address in the other hub zones.`,
      );
    else checks.add("availabilityZones", "pass", `${name} is in every hub zone (${shared.join(", ")}).`);
  }

  await checks.permission(
    "permission.createEndpointService",
    "ec2:CreateVpcEndpointServiceConfiguration",
    accountId,
    () =>
      app.ec2.send(
        new CreateVpcEndpointServiceConfigurationCommand({
          DryRun: true,
          AcceptanceRequired: true,
          NetworkLoadBalancerArns: [loadBalancerArn],
        }),
      ),
  );
}

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

async function checkRemoteIps(
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
      `${publicIps.join(", ")} ${publicIps.length === 1 ? "is" : "are"} not in a private range.`,
      "Use addresses in 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10.",
    );
  else checks.add("remoteIps.private", "pass", `Every IP is in a private range.`);

  const found = await checks.read("remoteIps.routed", "describe the hub route tables", hub.accountId, () =>
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
      if (!route || route.target === "local") unrouted.push(`${ip} from ${subnetId}`);
      else via.add(`${route.destination} via ${route.target}`);
    }
  }
  if (unrouted.length > 0)
    checks.add(
      "remoteIps.routed",
      "blocker",
      `The hub route tables have no route to ${unrouted.join("; ")}.`,
      "Add a route for the remote network to the transit gateway or virtual private gateway in the hub subnets' route tables.",
    );
  else if (via.size > 0) checks.add("remoteIps.routed", "pass", `The hub routes every IP: ${[...via].join(", ")}.`);
}

async function quotaUse(checks: CheckList, platform: AccountClients, hub: Hub): Promise<QuotaUse[]> {
  const quotas: QuotaUse[] = [];
  const judge = (id: string, quota: QuotaUse) => {
    quotas.push(quota);
    const after = quota.used + quota.adds;
    const text = `${quota.name}: ${quota.used} used, this request adds ${quota.adds}, limit ${quota.limit}.`;
    if (after > quota.limit)
      checks.add(id, "blocker", text, "Ask AWS for a quota increase, or switch the hub to the shared v2 VPC link.");
    else if (after >= quota.limit * 0.9) checks.add(id, "warning", `${text} Close to the limit.`);
    else checks.add(id, "pass", text);
  };
  const loadBalancers = await checks.read("quota.loadBalancers", "describe load balancers", hub.accountId, () =>
    platform.elb.send(new DescribeLoadBalancersCommand({ PageSize: 400 })),
  );
  if (loadBalancers)
    judge("quota.loadBalancers", {
      name: "Network load balancers in the platform account",
      used: loadBalancers.LoadBalancers?.length ?? 0,
      adds: 1,
      limit: quotaLimits.loadBalancers,
    });
  judge("quota.listeners", {
    name: "Listeners on the new platform NLB",
    used: 0,
    adds: 1,
    limit: quotaLimits.listenersPerLoadBalancer,
  });
  if (hub.linkMode === "v1") {
    const links = await checks.read("quota.vpcLinks", "list VPC links", hub.accountId, () =>
      platform.apiGateway.send(new GetVpcLinksCommand({ limit: 500 })),
    );
    if (links)
      judge("quota.vpcLinks", {
        name: "REST (V1) VPC links in the platform account",
        used: links.items?.length ?? 0,
        adds: 1,
        limit: quotaLimits.v1VpcLinks,
      });
  }
  return quotas;
}
