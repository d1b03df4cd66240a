import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DeregisterTargetsCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { loadBalancerResourceName } from "../plan/plan-chain";
import { done, tagList, wait, type StepContext, type StepExecutor } from "../engine/step-runtime";

// The platform NLB, its IP target group and listener, and the targets: the interface endpoint's ENI IPs (scenario A)
// or the remote IPs with AvailabilityZone "all" (scenario B). ELBv2 creates are idempotent by name with identical
// settings, so a retry after a crash returns the same resource.

export const createTargetGroup: StepExecutor = async (context) => {
  const { TargetGroups } = await context.platform.elb.send(
    new CreateTargetGroupCommand({
      Name: loadBalancerResourceName(context.requestId, "tg"),
      Protocol: "TCP",
      Port: context.exposure.source.port,
      VpcId: context.hub.vpcId,
      TargetType: "ip",
      Tags: tagList(context.tags),
    }),
  );
  const targetGroupArn = TargetGroups?.[0]?.TargetGroupArn;
  if (!targetGroupArn) throw new Error("ELBv2 returned no target group");
  await context.recordResource({ kind: "target-group", identifier: targetGroupArn, accountId: context.hub.accountId });
  return done({ targetGroupArn });
};

export const createLoadBalancer: StepExecutor = async (context) => {
  const { LoadBalancers } = await context.platform.elb.send(
    new CreateLoadBalancerCommand({ Name: loadBalancerResourceName(context.requestId, "nlb"), Type: "network", Scheme: "internal", Subnets: context.hub.subnetIds, Tags: tagList(context.tags) }),
  );
  const balancer = LoadBalancers?.[0];
  if (!balancer?.LoadBalancerArn || !balancer.DNSName) throw new Error("ELBv2 returned no load balancer");
  await context.recordResource({ kind: "load-balancer", identifier: balancer.LoadBalancerArn, accountId: context.hub.accountId });
  return done({ loadBalancerArn: balancer.LoadBalancerArn, dnsName: balancer.DNSName });
};

export const createListener: StepExecutor = async (context) => {
  const { Listeners } = await context.platform.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: String(context.output("loadBalancer.create", "loadBalancerArn")),
      Protocol: "TCP",
      Port: context.exposure.source.port,
      DefaultActions: [{ Type: "forward", TargetGroupArn: String(context.output("targetGroup.create", "targetGroupArn")) }],
      Tags: tagList(context.tags),
    }),
  );
  const listenerArn = Listeners?.[0]?.ListenerArn;
  if (!listenerArn) throw new Error("ELBv2 returned no listener");
  await context.recordResource({ kind: "listener", identifier: listenerArn, accountId: context.hub.accountId });
  return done({ listenerArn });
};

function desiredTargets(context: StepContext) {
  const { source } = context.exposure;
  if (source.kind === "remoteNetwork") return source.ips.map((ip) => ({ Id: ip, Port: source.port, AvailabilityZone: "all" }));
  const ips = context.output("interfaceEndpoint.awaitAvailable", "ips");
  return (Array.isArray(ips) ? ips : []).map((ip) => ({ Id: ip, Port: source.port }));
}

export const registerTargets: StepExecutor = async (context) => {
  const { elb } = context.platform;
  const TargetGroupArn = String(context.output("targetGroup.create", "targetGroupArn"));
  const desired = desiredTargets(context);
  const { TargetHealthDescriptions } = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn }));
  const registered = (TargetHealthDescriptions ?? []).filter((description) => description.TargetHealth?.State !== "draining").flatMap((description) => (description.Target ? [description.Target] : []));
  const stale = registered.filter((target) => !desired.some((wanted) => wanted.Id === target.Id && wanted.Port === target.Port));
  if (stale.length > 0) await elb.send(new DeregisterTargetsCommand({ TargetGroupArn, Targets: stale.map((target) => ({ Id: target.Id, Port: target.Port })) }));
  await elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: desired }));
  return done({ targets: desired.map((target) => `${target.Id}:${target.Port}`) });
};

export const awaitLoadBalancerActive: StepExecutor = async (context) => {
  const arn = String(context.output("loadBalancer.create", "loadBalancerArn"));
  const { LoadBalancers } = await context.platform.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [arn] })).catch((error: Error) => {
    if (error.name === "LoadBalancerNotFoundException") return { LoadBalancers: [] };
    throw error;
  });
  const state = LoadBalancers?.[0]?.State?.Code;
  if (state === "active") return done();
  if (state === "failed") throw new Error(`load balancer ${arn} failed to provision`);
  return wait(`load balancer is ${state ?? "not visible yet"}`, 15_000);
};
