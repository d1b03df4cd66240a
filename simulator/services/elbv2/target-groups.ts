import { AwsError } from "../../core/aws-error";
import { arn } from "../../core/partition";
import type { CallContext, QueryOperation } from "../../core/service";
import type { TargetGroup } from "../../model/elb";
import type { Vpc } from "../../model/network";
import type { QueryParams } from "../../protocols/query-params";
import { attributeOperations, describedRecords, elbv2Operations, readTags, visibleByArn } from "./elbv2-params";
import { listeners, targetGroups } from "./elbv2-records";

const namePattern = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

export function targetGroupWire(context: CallContext, group: TargetGroup) {
  const loadBalancerArns = [
    ...new Set(
      listeners(context.world)
        .all()
        .filter((listener) => listener.defaultActions.some((action) => action.targetGroupArn === group.id))
        .map((listener) => listener.loadBalancerArn),
    ),
  ];
  return {
    TargetGroupArn: group.id,
    TargetGroupName: group.name,
    Protocol: group.protocol,
    Port: group.port,
    VpcId: group.vpcId,
    HealthCheckProtocol: group.healthCheck.protocol,
    HealthCheckPort: group.healthCheck.port,
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: group.healthCheck.intervalSeconds,
    HealthCheckTimeoutSeconds: group.healthCheck.timeoutSeconds,
    HealthyThresholdCount: group.healthCheck.healthyThresholdCount,
    UnhealthyThresholdCount: group.healthCheck.unhealthyThresholdCount,
    HealthCheckPath: group.healthCheck.path,
    LoadBalancerArns: loadBalancerArns,
    TargetType: group.targetType,
    IpAddressType: "ipv4",
  };
}

export function targetGroupOf(context: CallContext, targetGroupArn: string): TargetGroup {
  const [group] = visibleByArn(
    context,
    targetGroups(context.world),
    [targetGroupArn],
    () => new AwsError("TargetGroupNotFound", `Target groups '[${targetGroupArn}]' not found`),
  );
  return group as TargetGroup;
}

function settingsOf(params: QueryParams) {
  const protocol = (params.string("Protocol") ?? "TCP") as TargetGroup["protocol"];
  return {
    protocol,
    port: params.number("Port") ?? 80,
    vpcId: params.required("VpcId"),
    targetType: (params.string("TargetType") ?? "instance") as TargetGroup["targetType"],
    healthCheck: {
      protocol: params.string("HealthCheckProtocol") ?? protocol,
      port: params.string("HealthCheckPort") ?? "traffic-port",
      path: params.string("HealthCheckPath"),
      intervalSeconds: params.number("HealthCheckIntervalSeconds") ?? 30,
      timeoutSeconds: params.number("HealthCheckTimeoutSeconds") ?? 10,
      healthyThresholdCount: params.number("HealthyThresholdCount") ?? 5,
      unhealthyThresholdCount: params.number("UnhealthyThresholdCount") ?? 2,
    },
  };
}

function createTargetGroup(context: CallContext, params: QueryParams) {
  const name = params.required("Name");
  if (!namePattern.test(name))
    throw new AwsError(
      "ValidationError",
      `Target group name '${name}' can have a maximum of 32 alphanumeric characters and hyphens, and cannot begin or end with a hyphen`,
    );
  const settings = settingsOf(params);
  const vpc = context.world.collection<Vpc>("ec2.vpc").get(settings.vpcId);
  if (!vpc || vpc.accountId !== context.accountId)
    throw new AwsError("ValidationError", `The VPC ID '${settings.vpcId}' is not found`);
  const existing = targetGroups(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .find((group) => group.name === name);
  if (existing) {
    const same =
      JSON.stringify({ ...settingsOf(params) }) ===
      JSON.stringify({
        protocol: existing.protocol,
        port: existing.port,
        vpcId: existing.vpcId,
        targetType: existing.targetType,
        healthCheck: existing.healthCheck,
      });
    if (!same)
      throw new AwsError(
        "DuplicateTargetGroupName",
        `A target group with the same name '${name}' exists, but with different settings`,
      );
    return { TargetGroups: [targetGroupWire(context, existing)] };
  }
  const group = targetGroups(context.world).put({
    ...context.newResource(
      arn(
        context.region,
        "elasticloadbalancing",
        context.accountId,
        `targetgroup/${name}/${context.sim.random.hex(16)}`,
      ),
      readTags(params),
    ),
    name,
    ...settings,
    targets: [],
    attributes: {
      "deregistration_delay.timeout_seconds": "300",
      "preserve_client_ip.enabled": settings.targetType === "ip" ? "false" : "true",
      "proxy_protocol_v2.enabled": "false",
      "stickiness.enabled": "false",
    },
  });
  return { TargetGroups: [targetGroupWire(context, group)] };
}

function describeTargetGroups(context: CallContext, params: QueryParams) {
  const loadBalancerArn = params.string("LoadBalancerArn");
  const groups = describedRecords(context, params, "TargetGroup", targetGroups(context.world), (group) => group.name);
  const wires = groups.map((group) => targetGroupWire(context, group));
  return {
    TargetGroups: loadBalancerArn ? wires.filter((wire) => wire.LoadBalancerArns.includes(loadBalancerArn)) : wires,
  };
}

function deleteTargetGroup(context: CallContext, params: QueryParams) {
  const groupArn = params.required("TargetGroupArn");
  const group = targetGroups(context.world).get(groupArn);
  if (!group || group.accountId !== context.accountId) return {};
  const inUse = listeners(context.world)
    .all()
    .find((listener) => listener.defaultActions.some((action) => action.targetGroupArn === groupArn));
  if (inUse)
    throw new AwsError("ResourceInUse", `Target group '${groupArn}' is currently in use by a listener or a rule`);
  targetGroups(context.world).delete(groupArn);
  return {};
}

export const targetGroupOperations: Record<string, QueryOperation> = {
  ...elbv2Operations({
    CreateTargetGroup: createTargetGroup,
    DescribeTargetGroups: describeTargetGroups,
    DeleteTargetGroup: deleteTargetGroup,
  }),
  ...attributeOperations("TargetGroup", targetGroupOf),
};
