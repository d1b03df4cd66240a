import { cidrContains, parseCidr } from "../core/cidr";
import type { SimulatorRuntime } from "../core/service";
import type { Backend } from "../model/backends";
import type { LoadBalancer, RegisteredTarget, TargetGroup } from "../model/elb";
import type { NetworkInterface, Route, RouteTable, SecurityGroup, TransitGateway } from "../model/network";
import { listeners, loadBalancers } from "../services/elbv2/elbv2-records";
import { broken, prefixed, type ChainHop, type LoadBalancerHops, type Trace } from "./chain-hops";

// What the network says about a packet: which load balancers send to a target group, who listens at an address,
// which security groups admit it, and the route a subnet takes to a remote IP through a transit gateway.

export function balancersUsing(sim: SimulatorRuntime, group: TargetGroup): LoadBalancer[] {
  const arns = new Set(
    listeners(sim.world)
      .all()
      .filter((listener) => listener.defaultActions.some((action) => action.targetGroupArn === group.id))
      .map((listener) => listener.loadBalancerArn),
  );
  return loadBalancers(sim.world)
    .all()
    .filter((balancer) => arns.has(balancer.id));
}

export function backendAt(sim: SimulatorRuntime, network: string, ip: string, port: number, hop: ChainHop): Trace {
  const backend = sim.world
    .collection<Backend>("landscape.backend")
    .all()
    .find((candidate) => candidate.network === network && candidate.ip === ip && candidate.port === port);
  if (!backend) return broken(hop, `nothing listens on ${ip}:${port} in ${network}`);
  if (!sim.backendPorts.has(backend.id)) return broken("backend", `backend ${backend.name} is not running`);
  return { ok: true, backend, path: [`backend ${backend.name}`] };
}

export function networkInterfacesOf(sim: SimulatorRuntime, attachedTo: string): string[] {
  return sim.world
    .collection<NetworkInterface>("ec2.networkInterface")
    .all()
    .filter((eni) => eni.attachedTo === attachedTo)
    .map((eni) => eni.privateIpAddress);
}

/** Security groups are stateful allow-lists: some ingress rule must admit TCP `port` from one of the sources. */
export function allowsInbound(sim: SimulatorRuntime, groupIds: string[], port: number, sourceIps: string[]): boolean {
  if (groupIds.length === 0 || sourceIps.length === 0) return true;
  const groups = groupIds.flatMap((id) => sim.world.collection<SecurityGroup>("ec2.securityGroup").get(id) ?? []);
  return groups.some((group) =>
    group.ingress.some(
      (rule) =>
        (rule.protocol === "-1" || (rule.protocol === "tcp" && rule.fromPort <= port && port <= rule.toPort)) &&
        rule.cidrs.some((cidr) => sourceIps.some((ip) => cidrContains(cidr, ip))),
    ),
  );
}

/** The route a subnet uses for `ip`: its explicit route table, else the main one; the longest matching prefix wins. */
function routeFor(sim: SimulatorRuntime, vpcId: string, subnetId: string, ip: string): Route | undefined {
  const tables = sim.world
    .collection<RouteTable>("ec2.routeTable")
    .all()
    .filter((table) => table.vpcId === vpcId);
  const table =
    tables.find((candidate) => candidate.subnetIds.includes(subnetId)) ?? tables.find((candidate) => candidate.main);
  return table?.routes
    .filter((route) => cidrContains(route.destinationCidrBlock, ip))
    .sort((a, b) => parseCidr(a.destinationCidrBlock).size - parseCidr(b.destinationCidrBlock).size)[0];
}

export function traceRemote(
  sim: SimulatorRuntime,
  group: TargetGroup,
  target: RegisteredTarget,
  hops: LoadBalancerHops,
): Trace {
  if (target.availabilityZone !== "all")
    return broken(hops.targets, `${target.id} is outside ${group.vpcId} but not registered with AvailabilityZone all`);
  const subnetIds = [...new Set(balancersUsing(sim, group).flatMap((balancer) => balancer.subnetIds))];
  if (subnetIds.length === 0) return broken(hops.listener, `no load balancer sends traffic to ${group.name}`);
  let gateway: TransitGateway | undefined;
  for (const subnetId of subnetIds) {
    const route = routeFor(sim, group.vpcId, subnetId, target.id);
    if (!route || route.state !== "active" || route.target === "local")
      return broken(hops.targets, `subnet ${subnetId} has no route to ${target.id}`, "timeout");
    gateway = sim.world.collection<TransitGateway>("ec2.transitGateway").get(route.target);
    if (!gateway)
      return broken(
        hops.targets,
        `the route to ${target.id} from ${subnetId} points at ${route.target}, which leads nowhere`,
        "timeout",
      );
  }
  const network = gateway?.remoteNetworks.find((candidate) => cidrContains(candidate.cidrBlock, target.id));
  if (!gateway || !network)
    return broken(
      hops.targets,
      `${gateway?.id ?? "the transit gateway"} has no attachment reaching ${target.id}`,
      "timeout",
    );
  return prefixed(
    [`transit gateway ${gateway.id}`, `remote network ${network.name}`],
    backendAt(sim, network.name, target.id, target.port, hops.targets),
  );
}
