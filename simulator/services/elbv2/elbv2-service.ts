import { AwsError } from "../../core/aws-error";
import type { CallContext, QueryOperation, QueryService } from "../../core/service";
import type { ResourceBase } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { awsQueryErrors } from "../query-errors";
import { elbv2Authorization } from "./elbv2-authorization";
import { elbv2Operations, readTags, tagsWire } from "./elbv2-params";
import { listeners, loadBalancers, targetGroups } from "./elbv2-records";
import { listenerOperations } from "./listeners";
import { loadBalancerOperations } from "./load-balancers";
import { targetGroupOperations } from "./target-groups";
import { targetOperations } from "./targets";

function taggable(context: CallContext, arn: string): ResourceBase {
  const resource = [loadBalancers, targetGroups, listeners]
    .map((collection) => collection(context.world).get(arn))
    .find(Boolean);
  if (!resource || resource.accountId !== context.accountId)
    throw new AwsError("LoadBalancerNotFound", `Resource '${arn}' not found`);
  return resource;
}

function addTags(context: CallContext, params: QueryParams) {
  const tags = readTags(params);
  for (const arn of params.list("ResourceArns")) Object.assign(taggable(context, arn).tags, tags);
  return {};
}

function removeTags(context: CallContext, params: QueryParams) {
  const keys = params.list("TagKeys");
  for (const arn of params.list("ResourceArns")) {
    const resource = taggable(context, arn);
    for (const key of keys) delete resource.tags[key];
  }
  return {};
}

const describeTags = (context: CallContext, params: QueryParams) => ({
  TagDescriptions: params
    .list("ResourceArns")
    .map((arn) => ({ ResourceArn: arn, Tags: tagsWire(taggable(context, arn).tags) })),
});

const tagOperations: Record<string, QueryOperation> = elbv2Operations({
  AddTags: addTags,
  RemoveTags: removeTags,
  DescribeTags: describeTags,
});

export const elbv2Service: QueryService = {
  protocol: "awsQuery",
  signingName: "elasticloadbalancing",
  xmlNamespace: "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/",
  errors: awsQueryErrors({ throttleCode: "Throttling" }),
  operations: {
    ...loadBalancerOperations,
    ...targetGroupOperations,
    ...listenerOperations,
    ...targetOperations,
    ...tagOperations,
  },
  authorization: elbv2Authorization,
};
