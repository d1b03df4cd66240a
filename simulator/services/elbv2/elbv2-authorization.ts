import { arn } from "../../core/partition";
import type { AuthorizationRequest } from "../../core/policy-evaluation";
import type { CallContext } from "../../core/service";
import type { Tags } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { readTags } from "./elbv2-params";
import { listeners, loadBalancers, targetGroups } from "./elbv2-records";

// What IAM evaluates for ELBv2's mutating calls (Service Authorization Reference, Elastic Load Balancing V2): the
// load balancer, target group or listener the call names, with its current tags; on create the new resource's ARN
// with the request's tags, and, when the call tags on create, elasticloadbalancing:AddTags with
// elasticloadbalancing:CreateAction set to the creating action. A resource that does not exist is left to the
// handler, which answers its NotFound error.

type Resolver = (context: CallContext, params: QueryParams) => AuthorizationRequest[];

const elbArn = (context: CallContext, resource: string) =>
  arn(context.region, "elasticloadbalancing", context.accountId, resource);

function tagsOf(context: CallContext, resourceArn: string): Tags | undefined {
  const found = [loadBalancers, targetGroups, listeners]
    .map((collection) => collection(context.world).get(resourceArn))
    .find(Boolean);
  return found?.accountId === context.accountId ? found.tags : undefined;
}

function onNamed(context: CallContext, action: string, arns: string[], requestTags?: Tags): AuthorizationRequest[] {
  // No ARN read at all is checked on "*", which no conditioned grant matches: a misread parameter fails closed.
  if (arns.length === 0) return [{ action, resource: "*", requestTags }];
  return arns.flatMap((resourceArn) => {
    const resourceTags = tagsOf(context, resourceArn);
    return resourceTags ? [{ action, resource: resourceArn, resourceTags, requestTags }] : [];
  });
}

const onExisting =
  (action: string, parameter: string): Resolver =>
  (context, params) =>
    onNamed(context, action, [params.string(parameter) ?? [], params.list(parameter)].flat());

/** `on` is what the call acts on: the new resource's ARN pattern, or an existing resource it is made under. */
function onCreate(action: string, on: (context: CallContext, params: QueryParams) => AuthorizationRequest): Resolver {
  return (context, params) => {
    const requestTags = readTags(params);
    const target = { ...on(context, params), requestTags };
    const tagging =
      Object.keys(requestTags).length > 0
        ? [
            {
              action: "elasticloadbalancing:AddTags",
              resource: target.resource,
              requestTags,
              conditionKeys: { "elasticloadbalancing:CreateAction": action.split(":")[1] ?? "" },
            },
          ]
        : [];
    return [target, ...tagging];
  };
}

const typePath = (type: string | undefined) => (type === "network" ? "net" : type === "gateway" ? "gwy" : "app");

export const elbv2Authorization: Record<string, Resolver> = {
  CreateLoadBalancer: onCreate("elasticloadbalancing:CreateLoadBalancer", (context, params) => ({
    action: "elasticloadbalancing:CreateLoadBalancer",
    resource: elbArn(context, `loadbalancer/${typePath(params.string("Type"))}/${params.string("Name") ?? ""}/*`),
  })),
  CreateTargetGroup: onCreate("elasticloadbalancing:CreateTargetGroup", (context, params) => ({
    action: "elasticloadbalancing:CreateTargetGroup",
    resource: elbArn(context, `targetgroup/${params.string("Name") ?? ""}/*`),
  })),
  // A listener is made on a load balancer: IAM checks the load balancer, with its tags.
  CreateListener: onCreate("elasticloadbalancing:CreateListener", (context, params) => {
    const loadBalancerArn = params.string("LoadBalancerArn") ?? "";
    return {
      action: "elasticloadbalancing:CreateListener",
      resource: loadBalancerArn,
      resourceTags: tagsOf(context, loadBalancerArn) ?? {},
    };
  }),
  DeleteLoadBalancer: onExisting("elasticloadbalancing:DeleteLoadBalancer", "LoadBalancerArn"),
  ModifyLoadBalancerAttributes: onExisting("elasticloadbalancing:ModifyLoadBalancerAttributes", "LoadBalancerArn"),
  SetSubnets: onExisting("elasticloadbalancing:SetSubnets", "LoadBalancerArn"),
  DeleteTargetGroup: onExisting("elasticloadbalancing:DeleteTargetGroup", "TargetGroupArn"),
  ModifyTargetGroupAttributes: onExisting("elasticloadbalancing:ModifyTargetGroupAttributes", "TargetGroupArn"),
  RegisterTargets: onExisting("elasticloadbalancing:RegisterTargets", "TargetGroupArn"),
  DeregisterTargets: onExisting("elasticloadbalancing:DeregisterTargets", "TargetGroupArn"),
  DeleteListener: onExisting("elasticloadbalancing:DeleteListener", "ListenerArn"),
  AddTags: (context, params) =>
    onNamed(context, "elasticloadbalancing:AddTags", params.list("ResourceArns"), readTags(params)),
  RemoveTags: (context, params) =>
    onNamed(
      context,
      "elasticloadbalancing:RemoveTags",
      params.list("ResourceArns"),
      Object.fromEntries(params.list("TagKeys").map((key) => [key, ""])),
    ),
};
