import { partitionOf } from "../../core/partition";
import type { AuthorizationRequest } from "../../core/policy-evaluation";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { Tags } from "../../core/world";
import { restApis, vpcLinksV1, vpcLinksV2 } from "./apigateway-records";

// What IAM evaluates for an API Gateway call (v1 and v2 alike): the HTTP verb as the action, the path as the
// resource (arn:<partition>:apigateway:<region>::<path>), the tags of the REST API or VPC link the path belongs to
// (a REST API's resources, methods, integrations, deployments and stages inherit the API's tags), and the tags a
// create or TagResource call puts on. Changing a policy also needs apigateway:UpdateRestApiPolicy.

export function apiGatewayAuthorization(
  context: CallContext,
  route: RestRoute,
  request: RestRequest,
): AuthorizationRequest[] {
  const resource = `arn:${partitionOf(context.region)}:apigateway:${context.region}::${request.path}`;
  const requestTags = tagsOf(request.body);
  const base = { resource, resourceTags: resourceTagsOf(context, request.path), requestTags };
  const requests: AuthorizationRequest[] = [{ action: route.action, ...base }];
  if (setsPolicy(route, request.body)) requests.push({ action: "apigateway:UpdateRestApiPolicy", ...base });
  return requests;
}

function tagsOf(body: unknown): Tags | undefined {
  const tags = (body as { tags?: unknown } | undefined)?.tags;
  return tags && typeof tags === "object" ? (tags as Tags) : undefined;
}

/** The tags of the API or link a path belongs to; a /tags/<arn> path stands for the resource the ARN names. */
function resourceTagsOf(context: CallContext, path: string): Tags | undefined {
  const tagged = /^\/tags\/(.+)$/.exec(path);
  const target = tagged?.[1] ? /::(\/.*)$/.exec(decodeURIComponent(tagged[1]))?.[1] : path;
  const [, kind, id = ""] = /^\/(restapis|vpclinks)\/([^/]+)/.exec(target ?? "") ?? [];
  const { world } = context;
  const candidates =
    kind === "restapis"
      ? [restApis(world).get(id)]
      : kind === "vpclinks"
        ? [vpcLinksV1(world).get(id), vpcLinksV2(world).get(id)]
        : [];
  return candidates.find((found) => found?.accountId === context.accountId)?.tags;
}

function setsPolicy(route: RestRoute, body: unknown): boolean {
  if (route.operation === "CreateRestApi")
    return typeof (body as { policy?: unknown } | undefined)?.policy === "string";
  if (route.operation !== "UpdateRestApi") return false;
  const operations = (body as { patchOperations?: { path?: unknown }[] } | undefined)?.patchOperations ?? [];
  return operations.some((operation) => operation.path === "/policy");
}
