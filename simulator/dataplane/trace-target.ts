import { cidrContains } from "../core/cidr";
import type { SimulatorRuntime } from "../core/service";
import type { Backend } from "../model/backends";
import type { RegisteredTarget, TargetGroup } from "../model/elb";
import type { NetworkInterface, RouteTable, TransitGateway, Vpc } from "../model/network";
import { endpointServices, endpointState, vpcEndpoints } from "../services/ec2/privatelink-records";
import { listeners, loadBalancers, loadBalancerState, targetGroups } from "../services/elbv2/elbv2-records";

// Follows one load balancer target to the backend behind it, hop by hop, as packets would go: an interface
// endpoint's ENI across PrivateLink to the provider's NLB and on to its targets, or a remote IP through a transit
// gateway route. The first broken hop is named with the link-chain step that owns it (DESIGN §3).

export type Trace = { ok: true; backend: Backend; path: string[] } | { ok: false; hop: string; reason: string; path: string[] };

const maxDepth = 3;

export function traceTarget(sim: SimulatorRuntime, group: TargetGroup, target: RegisteredTarget, depth = 0): Trace {
  const path = [`target ${target.id}:${target.port} of ${group.name}`];
  if (depth > maxDepth) return { ok: false, hop: "targets.register", reason: "load balancers chained too deep", path };
  const vpc = sim.world.collection<Vpc>("ec2.vpc").get(group.vpcId);
  const inside = vpc !== undefined && cidrContains(vpc.cidrBlock, target.id);
  const result = inside ? traceInsideVpc(sim, group, target, depth) : traceRemote(sim, group, target);
  return { ...result, path: [...path, ...result.path] };
}

function backendAt(sim: SimulatorRuntime, network: string, ip: string, port: number): Backend | undefined {
  return sim.world.collection<Backend>("landscape.backend").all().find((backend) => backend.network === network && backend.ip === ip && backend.port === port);
}

function traceInsideVpc(sim: SimulatorRuntime, group: TargetGroup, target: RegisteredTarget, depth: number): Trace {
  const eni = sim.world
    .collection<NetworkInterface>("ec2.networkInterface")
    .all()
    .find((candidate) => candidate.vpcId === group.vpcId && candidate.privateIpAddress === target.id);
  if (eni?.interfaceType === "vpc_endpoint" && eni.attachedTo) return traceEndpoint(sim, eni.attachedTo, target.port, depth);
  const backend = backendAt(sim, group.vpcId, target.id, target.port);
  if (backend) return { ok: true, backend, path: [`backend ${backend.name}`] };
  return { ok: false, hop: "targets.register", reason: `nothing listens on ${target.id}:${target.port} in ${group.vpcId}`, path: [] };
}

function traceEndpoint(sim: SimulatorRuntime, endpointId: string, port: number, depth: number): Trace {
  const path = [`interface endpoint ${endpointId}`];
  const endpoint = vpcEndpoints(sim.world).get(endpointId);
  if (!endpoint) return { ok: false, hop: "interfaceEndpoint.create", reason: `endpoint ${endpointId} no longer exists`, path };
  const state = endpointState(endpoint, sim.now());
  if (state === "pendingAcceptance" || state === "rejected") {
    return { ok: false, hop: "interfaceEndpoint.accept", reason: `endpoint ${endpointId} is ${state}`, path };
  }
  if (state !== "available") return { ok: false, hop: "interfaceEndpoint.awaitAvailable", reason: `endpoint ${endpointId} is ${state}`, path };
  const service = endpoint.serviceId ? endpointServices(sim.world).get(endpoint.serviceId) : undefined;
  if (!service) return { ok: false, hop: "endpointService.create", reason: `the endpoint service of ${endpointId} no longer exists`, path };
  const provider = loadBalancers(sim.world).get(service.networkLoadBalancerArns[0] ?? "");
  if (!provider || loadBalancerState(provider, sim.now()) !== "active") {
    return { ok: false, hop: "endpointService.create", reason: `the application NLB behind ${service.id} is not active`, path };
  }
  const listener = listeners(sim.world).all().find((candidate) => candidate.loadBalancerArn === provider.id && candidate.port === port);
  const providerGroup = listener && targetGroups(sim.world).get(listener.defaultActions[0]?.targetGroupArn ?? "");
  if (!providerGroup) return { ok: false, hop: "endpointService.create", reason: `the application NLB ${provider.name} has no listener on port ${port}`, path };
  const attempts = providerGroup.targets.filter((candidate) => candidate.deregisteredAt === undefined).map((candidate) => traceTarget(sim, providerGroup, candidate, depth + 1));
  const reached = attempts.find((attempt) => attempt.ok);
  if (reached) return { ...reached, path: [...path, `endpoint service ${service.id}`, `application NLB ${provider.name}:${port}`, ...reached.path] };
  return { ok: false, hop: "endpointService.create", reason: `no target of the application NLB ${provider.name} answers on port ${port}`, path };
}

function traceRemote(sim: SimulatorRuntime, group: TargetGroup, target: RegisteredTarget): Trace {
  if (target.availabilityZone !== "all") return { ok: false, hop: "targets.register", reason: `remote target ${target.id} is not registered with AvailabilityZone all`, path: [] };
  const subnetIds = new Set(
    listeners(sim.world)
      .all()
      .filter((listener) => listener.defaultActions.some((action) => action.targetGroupArn === group.id))
      .flatMap((listener) => loadBalancers(sim.world).get(listener.loadBalancerArn)?.subnetIds ?? []),
  );
  const tables = sim.world.collection<RouteTable>("ec2.routeTable").all().filter((table) => table.vpcId === group.vpcId);
  const routes = [...subnetIds].flatMap((subnetId) => (tables.find((table) => table.subnetIds.includes(subnetId)) ?? tables.find((table) => table.main))?.routes ?? []);
  const route = routes.find((candidate) => candidate.state === "active" && candidate.target !== "local" && cidrContains(candidate.destinationCidrBlock, target.id));
  if (!route) return { ok: false, hop: "targets.register", reason: `no route to ${target.id} from the load balancer's subnets`, path: [] };
  const gateway = sim.world.collection<TransitGateway>("ec2.transitGateway").get(route.target);
  const network = gateway?.remoteNetworks.find((candidate) => cidrContains(candidate.cidrBlock, target.id));
  if (!gateway || !network) return { ok: false, hop: "targets.register", reason: `${route.target} does not reach ${target.id}`, path: [] };
  const backend = backendAt(sim, network.name, target.id, target.port);
  if (!backend) return { ok: false, hop: "targets.register", reason: `nothing listens on ${target.id}:${target.port} in ${network.name}`, path: [`transit gateway ${gateway.id}`] };
  return { ok: true, backend, path: [`transit gateway ${gateway.id}`, `remote network ${network.name}`, `backend ${backend.name}`] };
}
