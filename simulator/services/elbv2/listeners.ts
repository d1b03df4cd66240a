import { AwsError } from "../../core/aws-error";
import { arn } from "../../core/partition";
import type { CallContext, QueryOperation } from "../../core/service";
import type { Listener } from "../../model/elb";
import type { QueryParams } from "../../protocols/query-params";
import { describedRecords, elbv2Operations, readTags, visibleByArn } from "./elbv2-params";
import { listeners, loadBalancers } from "./elbv2-records";
import { targetGroupOf } from "./target-groups";

const listenerQuota = 50;

function listenerWire(listener: Listener) {
  return {
    ListenerArn: listener.id,
    LoadBalancerArn: listener.loadBalancerArn,
    Port: listener.port,
    Protocol: listener.protocol,
    DefaultActions: listener.defaultActions.map((action) => ({
      Type: action.type,
      TargetGroupArn: action.targetGroupArn,
    })),
  };
}

function createListener(context: CallContext, params: QueryParams) {
  const loadBalancerArn = params.required("LoadBalancerArn");
  const [loadBalancer] = visibleByArn(
    context,
    loadBalancers(context.world),
    [loadBalancerArn],
    () => new AwsError("LoadBalancerNotFound", `Load balancer '${loadBalancerArn}' not found`),
  );
  const port = params.number("Port");
  if (port === undefined || port < 1 || port > 65535)
    throw new AwsError("ValidationError", "A listener port between 1 and 65535 is required");
  const protocol = (params.string("Protocol") ?? "TCP") as Listener["protocol"];
  const actions = params.structs("DefaultActions").map((action) => {
    if (action.required("Type") !== "forward")
      throw new AwsError("ValidationError", "The simulator supports forward actions only");
    const group = targetGroupOf(context, action.required("TargetGroupArn"));
    if (group.vpcId !== loadBalancer?.vpcId)
      throw new AwsError("ValidationError", `Target group '${group.id}' is not in the same VPC as the load balancer`);
    return { type: "forward" as const, targetGroupArn: group.id };
  });
  if (actions.length === 0) throw new AwsError("ValidationError", "A default action is required");
  const existing = listeners(context.world)
    .all()
    .filter((listener) => listener.loadBalancerArn === loadBalancerArn);
  const samePort = existing.find((listener) => listener.port === port);
  if (samePort) {
    if (samePort.protocol === protocol && JSON.stringify(samePort.defaultActions) === JSON.stringify(actions))
      return { Listeners: [listenerWire(samePort)] };
    throw new AwsError("DuplicateListener", "A listener already exists on this port for this load balancer");
  }
  if (existing.length >= listenerQuota)
    throw new AwsError(
      "TooManyListeners",
      `You've reached the limit on the number of listeners per load balancer (${listenerQuota})`,
    );
  const loadBalancerPath = loadBalancerArn.split(":loadbalancer/")[1] ?? "";
  const listener = listeners(context.world).put({
    ...context.newResource(
      arn(
        context.region,
        "elasticloadbalancing",
        context.accountId,
        `listener/${loadBalancerPath}/${context.sim.random.hex(16)}`,
      ),
      readTags(params),
    ),
    loadBalancerArn,
    protocol,
    port,
    defaultActions: actions,
  });
  return { Listeners: [listenerWire(listener)] };
}

function describeListeners(context: CallContext, params: QueryParams) {
  const loadBalancerArn = params.string("LoadBalancerArn");
  const all = describedRecords(context, params, "Listener", listeners(context.world));
  if (
    loadBalancerArn &&
    !loadBalancers(context.world)
      .list({ accountId: context.accountId, region: context.region, visibleAt: context.now })
      .some((balancer) => balancer.id === loadBalancerArn)
  ) {
    throw new AwsError("LoadBalancerNotFound", `Load balancer '${loadBalancerArn}' not found`);
  }
  return {
    Listeners: all
      .filter((listener) => !loadBalancerArn || listener.loadBalancerArn === loadBalancerArn)
      .map(listenerWire),
  };
}

function deleteListener(context: CallContext, params: QueryParams) {
  const listenerArn = params.required("ListenerArn");
  const listener = listeners(context.world).get(listenerArn);
  if (!listener || listener.accountId !== context.accountId)
    throw new AwsError("ListenerNotFound", `Listener '${listenerArn}' not found`);
  listeners(context.world).delete(listenerArn);
  return {};
}

export const listenerOperations: Record<string, QueryOperation> = elbv2Operations({
  CreateListener: createListener,
  DescribeListeners: describeListeners,
  DeleteListener: deleteListener,
});
