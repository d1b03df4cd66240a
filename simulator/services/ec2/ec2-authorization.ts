import { arn } from "../../core/partition";
import type { AuthorizationRequest } from "../../core/policy-evaluation";
import type { CallContext } from "../../core/service";
import { tagOnCreateRequests } from "../../core/tag-on-create";
import type { ResourceBase, Tags } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { readTags, tagsOnCreate } from "./ec2-queries";
import { taggableKinds } from "./tags";

// What IAM evaluates for EC2's mutating calls (Service Authorization Reference, Amazon EC2): every resource the
// call names, with its current tags; on create the new resource's ARN with the request's tags, and, when the call
// tags on create, ec2:CreateTags on the new resource with ec2:CreateAction set to the creating action. A resource
// that does not exist is left to the handler, which answers its NotFound error.

type Resolver = (context: CallContext, params: QueryParams) => AuthorizationRequest[];

const ec2Arn = (context: CallContext, resource: string) => arn(context.region, "ec2", context.accountId, resource);

function existing(context: CallContext, id: string): { arn: string; tags: Tags } | undefined {
  const kind = taggableKinds.find((candidate) => id.startsWith(candidate.prefix));
  const found = kind && context.world.collection<ResourceBase>(kind.collection).get(id);
  if (!kind || !found || found.accountId !== context.accountId) return undefined;
  return { arn: ec2Arn(context, `${kind.resourceType}/${id}`), tags: found.tags };
}

/** The action on each named resource that exists, with its tags (and the tags the call names). */
function onNamed(context: CallContext, action: string, ids: string[], requestTags?: Tags): AuthorizationRequest[] {
  // No id read at all is checked on "*", which no conditioned grant matches: a misread parameter fails closed.
  if (ids.length === 0) return [{ action, resource: "*", requestTags }];
  return ids.flatMap((id) => {
    const found = existing(context, id);
    return found ? [{ action, resource: found.arn, resourceTags: found.tags, requestTags }] : [];
  });
}

const onExisting =
  (action: string, parameter: string): Resolver =>
  (context, params) =>
    onNamed(context, action, [params.string(parameter) ?? [], params.list(parameter)].flat());

/** A create action on the new resource (and the resources it is made in), plus ec2:CreateTags when it tags on create. */
function onCreate(
  action: string,
  resourceType: string,
  inputs: (params: QueryParams) => string[] = () => [],
): Resolver {
  return (context, params) => {
    const requestTags = tagsOnCreate(params, resourceType);
    const created = ec2Arn(context, `${resourceType}/*`);
    const placedIn = inputs(params).filter((id) => id !== "");
    const used = placedIn.length > 0 ? onNamed(context, action, placedIn) : [];
    return [
      ...used,
      { action, resource: created, requestTags },
      ...tagOnCreateRequests("ec2:CreateTags", action, created, requestTags),
    ];
  };
}

/** CreateTags and DeleteTags on resources that exist: their tags now, and the tags (or keys) the call names. */
const onTags =
  (action: string): Resolver =>
  (context, params) =>
    onNamed(context, action, params.list("ResourceId"), readTags(params));

export const ec2Authorization: Record<string, Resolver> = {
  CreateVpcEndpoint: onCreate("ec2:CreateVpcEndpoint", "vpc-endpoint", (params) => [
    params.string("VpcId") ?? "",
    ...params.list("SubnetId"),
    ...params.list("SecurityGroupId"),
  ]),
  DeleteVpcEndpoints: onExisting("ec2:DeleteVpcEndpoints", "VpcEndpointId"),
  CreateVpcEndpointServiceConfiguration: onCreate("ec2:CreateVpcEndpointServiceConfiguration", "vpc-endpoint-service"),
  DeleteVpcEndpointServiceConfigurations: onExisting("ec2:DeleteVpcEndpointServiceConfigurations", "ServiceId"),
  ModifyVpcEndpointServicePermissions: onExisting("ec2:ModifyVpcEndpointServicePermissions", "ServiceId"),
  AcceptVpcEndpointConnections: onExisting("ec2:AcceptVpcEndpointConnections", "ServiceId"),
  RejectVpcEndpointConnections: onExisting("ec2:RejectVpcEndpointConnections", "ServiceId"),
  CreateTags: onTags("ec2:CreateTags"),
  DeleteTags: onTags("ec2:DeleteTags"),
};
