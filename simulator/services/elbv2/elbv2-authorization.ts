import { arn } from "../../core/partition";
import type { AuthorizationRequest } from "../../core/policy-evaluation";
import type { CallContext } from "../../core/service";
import { tagOnCreateRequests } from "../../core/tag-on-create";
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

type CreateTarget = {
  /** What IAM checks the create on: the new resource's ARN pattern, or the existing resource it is made under. */
  on: { resource: string; resourceTags?: Tags };
  /** The new resource's ARN pattern, which the tags of a tag-on-create go on. */
  created: string;
};

function onCreate(action: string, target: (context: CallContext, params: QueryParams) => CreateTarget): Resolver {
  return (context, params) => {
    const requestTags = readTags(params);
    const { on, created } = target(context, params);
    return [
      { action, ...on, requestTags },
      ...tagOnCreateRequests("elasticloadbalancing:AddTags", action, created, requestTags),
    ];
  };
}

const typePath = (type: string | undefined) => (type === "network" ? "net" : type === "gateway" ? "gwy" : "app");

const newResource = (resource: string): CreateTarget => ({ on: { resource }, created: resource });

export const elbv2Authorization: Record<string, Resolver> = {
  CreateLoadBalancer: onCreate("elasticloadbalancing:CreateLoadBalancer", (context, params) =>
    newResource(elbArn(context, `loadbalancer/${typePath(params.string("Type"))}/${params.string("Name") ?? ""}/*`)),
  ),
  CreateTargetGroup: onCreate("elasticloadbalancing:CreateTargetGroup", (context, params) =>
    newResource(elbArn(context, `targetgroup/${params.string("Name") ?? ""}/*`)),
  ),
  // A listener is made on a load balancer: IAM checks the load balancer, with its tags; its tags go on the listener.
  CreateListener: onCreate("elasticloadbalancing:CreateListener", (context, params) => {
    const loadBalancerArn = params.string("LoadBalancerArn") ?? "";
    return {
      on: { resource: loadBalancerArn, resourceTags: tagsOf(context, loadBalancerArn) ?? {} },
      created: `${loadBalancerArn.replace(":loadbalancer/", ":listener/")}/*`,
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
