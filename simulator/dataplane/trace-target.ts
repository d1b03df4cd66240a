import { cidrContains } from "../core/cidr";
import type { SimulatorRuntime } from "../core/service";
import type { RegisteredTarget, TargetGroup } from "../model/elb";
import type { NetworkInterface, Vpc } from "../model/network";
import { endpointServices, endpointState, serviceState, vpcEndpoints } from "../services/ec2/privatelink-records";
import { listeners, loadBalancers, loadBalancerState, targetGroups } from "../services/elbv2/elbv2-records";
import { broken, platformLoadBalancerHops, prefixed, type LoadBalancerHops, type Trace } from "./chain-hops";
import { allowsInbound, backendAt, balancersUsing, networkInterfacesOf, traceRemote } from "./network-paths";

// Follows traffic from a load balancer to the backend behind it, as packets would go: listener → target group →
// a target past its initial health checks → an interface endpoint's ENI across PrivateLink to the provider's NLB
// and on to its targets, or a remote IP through a routed transit gateway. The first broken hop is named with the
// link-chain step that owns it (DESIGN §3), so an error message can say what to fix.

/** The application's NLB predates Gatehouse; the step that relies on it is the endpoint service on top. */
const providerLoadBalancerHops: LoadBalancerHops = {
  exists: "endpointService.create",
  active: "endpointService.create",
  listener: "endpointService.create",
  targets: "endpointService.create",
};

const maxDepth = 3;

/** Targets the load balancer sends new connections to: registered, not draining, past their initial health checks. */
export function inServiceTargets(group: TargetGroup, now: number): RegisteredTarget[] {
  return group.targets.filter((target) => target.deregisteredAt === undefined && target.healthyAt <= now);
}

export function traceLoadBalancer(
  sim: SimulatorRuntime,
  loadBalancerArn: string,
  port: number,
  hops: LoadBalancerHops,
  depth = 0,
): Trace {
  const now = sim.now();
  const balancer = loadBalancers(sim.world).get(loadBalancerArn);
  if (!balancer || (balancer.deletedAt !== undefined && balancer.deletedAt <= now))
    return broken(hops.exists, `load balancer ${loadBalancerArn} does not exist`);
  const state = loadBalancerState(balancer, now);
  if (state !== "active") return broken(hops.active, `load balancer ${balancer.name} is ${state}`);
  const listener = listeners(sim.world)
    .all()
    .find((candidate) => candidate.loadBalancerArn === balancer.id && candidate.port === port);
  const group = listener && targetGroups(sim.world).get(listener.defaultActions[0]?.targetGroupArn ?? "");
  if (!group) return broken(hops.listener, `load balancer ${balancer.name} has no listener on port ${port}`);
  const path = [`load balancer ${balancer.name} listener ${port}`, `target group ${group.name}`];
  const candidates = inServiceTargets(group, now);
  if (candidates.length === 0) {
    const waiting = group.targets.some((target) => target.deregisteredAt === undefined);
    return prefixed(
      path,
      broken(
        hops.targets,
        waiting
          ? `the targets of ${group.name} are still in their initial health checks`
          : `target group ${group.name} has no registered targets`,
      ),
    );
  }
  const traces = candidates.map((target) => traceTarget(sim, group, target, hops, depth));
  return prefixed(
    path,
    traces.find((trace) => trace.ok) ?? traces[0] ?? broken(hops.targets, `no target of ${group.name} answers`),
  );
}

/** Follows one registered target to the backend behind it. */
export function traceTarget(
  sim: SimulatorRuntime,
  group: TargetGroup,
  target: RegisteredTarget,
  hops: LoadBalancerHops = platformLoadBalancerHops,
  depth = 0,
): Trace {
  const path = [`target ${target.id}:${target.port}`];
  if (depth > maxDepth) return broken(hops.targets, "load balancers chained too deep");
  const vpc = sim.world.collection<Vpc>("ec2.vpc").get(group.vpcId);
  const inside = vpc !== undefined && cidrContains(vpc.cidrBlock, target.id);
  return prefixed(
    path,
    inside ? traceInsideVpc(sim, group, target, hops, depth) : traceRemote(sim, group, target, hops),
  );
}

function traceInsideVpc(
  sim: SimulatorRuntime,
  group: TargetGroup,
  target: RegisteredTarget,
  hops: LoadBalancerHops,
  depth: number,
): Trace {
  const eni = sim.world
    .collection<NetworkInterface>("ec2.networkInterface")
    .all()
    .find((candidate) => candidate.vpcId === group.vpcId && candidate.privateIpAddress === target.id);
  if (eni?.interfaceType !== "vpc_endpoint" || !eni.attachedTo)
    return backendAt(sim, group.vpcId, target.id, target.port, hops.targets);
  if (group.attributes["preserve_client_ip.enabled"] === "true") {
    return broken(
      "targetGroup.create",
      `client IP preservation is on for ${group.name}; PrivateLink endpoint ENIs drop such traffic`,
      "timeout",
    );
  }
  const sources = balancersUsing(sim, group).flatMap((balancer) => networkInterfacesOf(sim, balancer.id));
  if (!allowsInbound(sim, eni.securityGroupIds, target.port, sources)) {
    return broken(
      "interfaceEndpoint.create",
      `the security groups of ${eni.attachedTo} do not allow TCP ${target.port} from the load balancer`,
      "timeout",
    );
  }
  return traceEndpoint(sim, eni.attachedTo, target.port, depth);
}

function traceEndpoint(sim: SimulatorRuntime, endpointId: string, port: number, depth: number): Trace {
  const now = sim.now();
  const path = [`interface endpoint ${endpointId}`];
  const endpoint = vpcEndpoints(sim.world).get(endpointId);
  const state = endpoint && endpointState(endpoint, now);
  if (!endpoint || state === undefined || ["deleting", "deleted", "failed", "expired"].includes(state)) {
    return prefixed(
      path,
      broken("interfaceEndpoint.create", `endpoint ${endpointId} is ${state ?? "gone"}`, "timeout"),
    );
  }
  if (state === "pendingAcceptance" || state === "rejected")
    return prefixed(path, broken("interfaceEndpoint.accept", `endpoint ${endpointId} is ${state}`, "timeout"));
  if (state !== "available")
    return prefixed(path, broken("interfaceEndpoint.awaitAvailable", `endpoint ${endpointId} is ${state}`, "timeout"));
  const service = endpoint.serviceId === undefined ? undefined : endpointServices(sim.world).get(endpoint.serviceId);
  if (!service)
    return prefixed(
      path,
      broken(
        "interfaceEndpoint.create",
        `endpoint ${endpointId} connects to ${endpoint.serviceName}, not to an endpoint service`,
      ),
    );
  const serviceStatus = serviceState(service, now);
  if (serviceStatus !== "Available")
    return prefixed(
      path,
      broken("endpointService.create", `endpoint service ${service.id} is ${serviceStatus}`, "timeout"),
    );
  const provider = traceLoadBalancer(
    sim,
    service.networkLoadBalancerArns[0] ?? "",
    port,
    providerLoadBalancerHops,
    depth + 1,
  );
  return prefixed([...path, `endpoint service ${service.id}`], provider);
}
