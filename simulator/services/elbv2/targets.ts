import { AwsError } from "../../core/aws-error";
import { cidrContains, isIpv4, isPrivateTargetIp } from "../../core/cidr";
import type { CallContext, QueryOperation } from "../../core/service";
import type { RegisteredTarget, TargetGroup } from "../../model/elb";
import type { Vpc } from "../../model/network";
import type { QueryParams } from "../../protocols/query-params";
import { targetReachability } from "../../dataplane/reachability";
import { elbv2Operations } from "./elbv2-params";
import { listeners, loadBalancers, loadBalancerState } from "./elbv2-records";
import { targetGroupOf } from "./target-groups";

// Targets and their health. Health is derived, not stored: from time since registration, from whether the target
// group is in use, and from what the data plane can actually reach behind the target.

type TargetInput = { id: string; port: number; availabilityZone?: string };

function readTargets(params: QueryParams, group: TargetGroup): TargetInput[] {
  return params.structs("Targets").map((target) => ({
    id: target.required("Id"),
    port: target.number("Port") ?? group.port,
    availabilityZone: target.string("AvailabilityZone"),
  }));
}

function validateIpTarget(context: CallContext, group: TargetGroup, target: TargetInput): void {
  if (!isIpv4(target.id))
    throw new AwsError("ValidationError", `The IP address '${target.id}' is not a valid IPv4 address`);
  const vpc = context.world.collection<Vpc>("ec2.vpc").get(group.vpcId);
  const insideVpc = vpc !== undefined && cidrContains(vpc.cidrBlock, target.id);
  if (insideVpc) return;
  if (!isPrivateTargetIp(target.id)) {
    throw new AwsError(
      "InvalidTarget",
      `The IP address '${target.id}' is not in a private range (RFC 1918 or 100.64.0.0/10) and is not in the VPC of the target group`,
    );
  }
  if (target.availabilityZone !== "all") {
    throw new AwsError(
      "ValidationError",
      `You must specify the Availability Zone 'all' for IP address '${target.id}', which is outside the VPC of the target group`,
    );
  }
}

function register(context: CallContext, params: QueryParams) {
  const group = targetGroupOf(context, params.required("TargetGroupArn"));
  const targets = readTargets(params, group);
  if (targets.length === 0) throw new AwsError("ValidationError", "Targets must not be empty");
  for (const target of targets) {
    if (group.targetType === "ip") validateIpTarget(context, group, target);
    const existing = group.targets.find((candidate) => candidate.id === target.id && candidate.port === target.port);
    if (existing && existing.deregisteredAt === undefined) continue;
    group.targets = group.targets.filter((candidate) => candidate !== existing);
    group.targets.push({
      ...target,
      registeredAt: context.now,
      healthyAt: context.now + context.sim.profile.latencyMs.targetHealthy,
    });
  }
  return {};
}

function deregister(context: CallContext, params: QueryParams) {
  const group = targetGroupOf(context, params.required("TargetGroupArn"));
  for (const target of readTargets(params, group)) {
    const existing = group.targets.find(
      (candidate) =>
        candidate.id === target.id && candidate.port === target.port && candidate.deregisteredAt === undefined,
    );
    if (!existing)
      throw new AwsError(
        "InvalidTarget",
        `The following targets are not registered in target group: '${target.id}:${target.port}'`,
      );
    existing.deregisteredAt = context.now;
  }
  return {};
}

type Health = { State: string; Reason?: string; Description?: string };

function healthOf(context: CallContext, group: TargetGroup, target: RegisteredTarget): Health | undefined {
  const latency = context.sim.profile.latencyMs;
  if (target.deregisteredAt !== undefined) {
    return context.now < target.deregisteredAt + latency.targetDrained
      ? {
          State: "draining",
          Reason: "Target.DeregistrationInProgress",
          Description: "Target deregistration is in progress",
        }
      : undefined;
  }
  const groupListeners = listeners(context.world)
    .all()
    .filter((listener) => listener.defaultActions.some((action) => action.targetGroupArn === group.id));
  if (groupListeners.length === 0)
    return {
      State: "unused",
      Reason: "Target.NotInUse",
      Description: "Target group is not configured to receive traffic from the load balancer",
    };
  const activeBalancer = groupListeners.some((listener) => {
    const balancer = loadBalancers(context.world).get(listener.loadBalancerArn);
    return balancer !== undefined && loadBalancerState(balancer, context.now) === "active";
  });
  if (!activeBalancer || context.now < target.healthyAt) {
    return {
      State: "initial",
      Reason: "Elb.RegistrationInProgress",
      Description: "Target registration is in progress",
    };
  }
  const reachability = targetReachability(context.sim, group, target);
  return reachability.reachable
    ? { State: "healthy" }
    : { State: "unhealthy", Reason: reachability.reasonCode, Description: reachability.description };
}

function describeTargetHealth(context: CallContext, params: QueryParams) {
  const group = targetGroupOf(context, params.required("TargetGroupArn"));
  const asked = readTargets(params, group);
  const registered =
    asked.length > 0
      ? asked.map(
          (target) =>
            group.targets.find((candidate) => candidate.id === target.id && candidate.port === target.port) ?? {
              ...target,
              registeredAt: Number.NaN,
              healthyAt: Number.NaN,
            },
        )
      : group.targets;
  return {
    TargetHealthDescriptions: registered.flatMap((target) => {
      const health = Number.isNaN(target.registeredAt)
        ? {
            State: "unused",
            Reason: "Target.NotRegistered",
            Description: "Target is not registered to the target group",
          }
        : healthOf(context, group, target);
      if (!health) return [];
      return [
        {
          Target: { Id: target.id, Port: target.port, AvailabilityZone: target.availabilityZone },
          HealthCheckPort: String(target.port),
          TargetHealth: health,
        },
      ];
    }),
  };
}

export const targetOperations: Record<string, QueryOperation> = elbv2Operations({
  RegisterTargets: register,
  DeregisterTargets: deregister,
  DescribeTargetHealth: describeTargetHealth,
});
