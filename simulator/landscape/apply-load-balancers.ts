import { arn } from "../core/partition";
import type { SimulatorRuntime } from "../core/service";
import type { LoadBalancer, TargetGroup } from "../model/elb";
import { listeners, putLoadBalancer, targetGroups } from "../services/elbv2/elbv2-records";
import { lookUp, type NetworkIndex } from "./apply-network";
import type { LandscapeAccount, LandscapeLoadBalancer } from "./landscape-schema";

// Internal NLBs that exist before Gatehouse (an EKS service's NLB made by the AWS Load Balancer Controller): already
// active, with a TCP listener forwarding to an IP target group whose pod targets have long been healthy.

export function applyLoadBalancers(
  sim: SimulatorRuntime,
  account: LandscapeAccount,
  network: NetworkIndex,
): LoadBalancer[] {
  return account.loadBalancers.map((declared) => applyLoadBalancer(sim, account, network, declared));
}

function applyLoadBalancer(
  sim: SimulatorRuntime,
  account: LandscapeAccount,
  network: NetworkIndex,
  declared: LandscapeLoadBalancer,
): LoadBalancer {
  const now = sim.now();
  const vpc = lookUp(network.vpcs, declared.vpc, "VPC");
  const loadBalancer = putLoadBalancer(sim, {
    accountId: account.accountId,
    region: account.region,
    name: declared.name,
    type: "network",
    scheme: "internal",
    subnets: declared.subnets.map((name) => lookUp(network.subnets, name, "subnet")),
    securityGroupIds: [],
    tags: declared.tags,
    visibleAt: now,
  });
  loadBalancer.lifecycle = [{ state: "active", at: now }];
  const loadBalancerPath = loadBalancer.id.split(":loadbalancer/")[1] ?? "";
  for (const listener of declared.listeners) {
    const group = putTargetGroup(sim, {
      accountId: account.accountId,
      region: account.region,
      vpcId: vpc.id,
      tags: declared.tags,
      ...listener.targetGroup,
    });
    listeners(sim.world).put({
      id: arn(
        account.region,
        "elasticloadbalancing",
        account.accountId,
        `listener/${loadBalancerPath}/${sim.random.hex(16)}`,
      ),
      accountId: account.accountId,
      region: account.region,
      createdAt: now,
      visibleAt: now,
      tags: { ...declared.tags },
      loadBalancerArn: loadBalancer.id,
      protocol: "TCP",
      port: listener.port,
      defaultActions: [{ type: "forward", targetGroupArn: group.id }],
    });
  }
  return loadBalancer;
}

function putTargetGroup(
  sim: SimulatorRuntime,
  input: {
    accountId: string;
    region: string;
    vpcId: string;
    name: string;
    port: number;
    targets: string[];
    tags: Record<string, string>;
  },
): TargetGroup {
  const now = sim.now();
  return targetGroups(sim.world).put({
    id: arn(input.region, "elasticloadbalancing", input.accountId, `targetgroup/${input.name}/${sim.random.hex(16)}`),
    accountId: input.accountId,
    region: input.region,
    createdAt: now,
    visibleAt: now,
    tags: { ...input.tags },
    name: input.name,
    protocol: "TCP",
    port: input.port,
    vpcId: input.vpcId,
    targetType: "ip",
    healthCheck: {
      protocol: "TCP",
      port: "traffic-port",
      intervalSeconds: 10,
      timeoutSeconds: 10,
      healthyThresholdCount: 3,
      unhealthyThresholdCount: 3,
    },
    targets: input.targets.map((ip) => ({ id: ip, port: input.port, registeredAt: now, healthyAt: now })),
    attributes: {
      "deregistration_delay.timeout_seconds": "300",
      "preserve_client_ip.enabled": "false",
      "proxy_protocol_v2.enabled": "false",
    },
  });
}
