import type { CallContext, QueryOperation } from "../../core/service";
import type { ResourceBase } from "../../core/world";
import type { QueryParams } from "../../protocols/query-params";
import { invalidParameterValue } from "./ec2-errors";
import { matchesFilters, readFilters, readTags } from "./ec2-queries";

// CreateTags, DeleteTags and DescribeTags across the EC2 resource kinds the simulator holds.

export const taggableKinds: { prefix: string; collection: string; resourceType: string }[] = [
  { prefix: "vpce-svc-", collection: "ec2.endpointService", resourceType: "vpc-endpoint-service" },
  { prefix: "vpce-", collection: "ec2.vpcEndpoint", resourceType: "vpc-endpoint" },
  { prefix: "vpc-", collection: "ec2.vpc", resourceType: "vpc" },
  { prefix: "subnet-", collection: "ec2.subnet", resourceType: "subnet" },
  { prefix: "sg-", collection: "ec2.securityGroup", resourceType: "security-group" },
  { prefix: "rtb-", collection: "ec2.routeTable", resourceType: "route-table" },
  { prefix: "eni-", collection: "ec2.networkInterface", resourceType: "network-interface" },
  { prefix: "tgw-", collection: "ec2.transitGateway", resourceType: "transit-gateway" },
];

function resolve(context: CallContext, id: string): ResourceBase {
  const kind = taggableKinds.find((candidate) => id.startsWith(candidate.prefix));
  const resource = kind && context.world.collection(kind.collection).get(id);
  if (!resource || resource.accountId !== context.accountId) throw invalidParameterValue(`The ID '${id}' is not valid`);
  return resource;
}

function createTags(context: CallContext, params: QueryParams) {
  const tags = readTags(params);
  for (const id of params.list("ResourceId")) Object.assign(resolve(context, id).tags, tags);
  return { return: true };
}

function deleteTags(context: CallContext, params: QueryParams) {
  const keys = params.structs("Tag").map((tag) => tag.required("Key"));
  for (const id of params.list("ResourceId")) {
    const resource = resolve(context, id);
    for (const key of keys) delete resource.tags[key];
  }
  return { return: true };
}

function describeTags(context: CallContext, params: QueryParams) {
  const filters = readFilters(params);
  const tagSet = taggableKinds.flatMap((kind) =>
    context.world
      .collection(kind.collection)
      .list({ accountId: context.accountId, region: context.region, visibleAt: context.now })
      .flatMap((resource) =>
        Object.entries(resource.tags).map(([key, value]) => ({
          resourceId: resource.id,
          resourceType: kind.resourceType,
          key,
          value,
        })),
      ),
  );
  return {
    tagSet: tagSet.filter((tag) =>
      matchesFilters(
        filters,
        { "resource-id": tag.resourceId, "resource-type": tag.resourceType, key: tag.key, value: tag.value },
        {},
      ),
    ),
  };
}

export const tagOperations: Record<string, QueryOperation> = {
  CreateTags: { action: "ec2:CreateTags", handle: createTags },
  DeleteTags: { action: "ec2:DeleteTags", handle: deleteTags },
  DescribeTags: { action: "ec2:DescribeTags", handle: describeTags },
};
