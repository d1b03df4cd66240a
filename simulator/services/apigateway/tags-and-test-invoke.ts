import { z } from "zod";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { ResourceBase } from "../../core/world";
import type { ApiResource } from "../../model/apigateway";
import { invokeChain } from "../../dataplane/invoke-chain";
import { notFound } from "./apigateway-errors";
import { restApiOf, restApis, vpcLinksV1 } from "./apigateway-records";
import { parse } from "./rest-apis";

// Tags by ARN (arn:<partition>:apigateway:<region>::/restapis/<id> or ::/vpclinks/<id>), and TestInvokeMethod.

function taggable(context: CallContext, resourceArn: string): ResourceBase {
  const match = /^arn:[^:]+:apigateway:[^:]+::\/(restapis|vpclinks)\/([a-z0-9]+)$/.exec(resourceArn);
  const resource =
    match?.[1] === "restapis"
      ? restApis(context.world).get(match[2] ?? "")
      : match?.[1] === "vpclinks"
        ? vpcLinksV1(context.world).get(match[2] ?? "")
        : undefined;
  if (!resource || resource.accountId !== context.accountId) throw notFound(`Invalid resource ARN ${resourceArn}`);
  return resource;
}

function tagResource(context: CallContext, request: RestRequest) {
  const { tags } = parse(z.object({ tags: z.record(z.string(), z.string()) }), request.body);
  Object.assign(taggable(context, request.pathParams.resourceArn ?? "").tags, tags);
  return { status: 204 };
}

/**
 * The method TestInvokeMethod tests. GetMethod is exact: a verb the resource does not define answers
 * `NotFoundException: Invalid Method identifier specified` (API Gateway API Reference, GetMethod and
 * TestInvokeMethod: https://docs.aws.amazon.com/apigateway/latest/api/API_GetMethod.html,
 * https://docs.aws.amazon.com/apigateway/latest/api/API_TestInvokeMethod.html). Whether TestInvokeMethod resolves GET
 * to an ANY method, as request routing does, is not documented (aws-chain-facts §11.0): `exactMethodLookups` picks.
 */
function assertMethodDefined(context: CallContext, resource: ApiResource, httpMethod: string): void {
  const lenientAny = !context.sim.options.exactMethodLookups && resource.methods.ANY;
  if (!resource.methods[httpMethod] && !lenientAny) throw notFound("Invalid Method identifier specified");
}

async function testInvokeMethod(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const resource = api.resources.find((candidate) => candidate.id === request.pathParams.resourceId);
  if (!resource) throw notFound("Invalid Resource identifier specified");
  const httpMethod = (request.pathParams.httpMethod ?? "").toUpperCase();
  assertMethodDefined(context, resource, httpMethod);
  const input = parse(
    z.object({
      pathWithQueryString: z.string().optional(),
      body: z.string().optional(),
      headers: z.record(z.string(), z.string()).default({}),
    }),
    request.body,
  );
  const result = await invokeChain(context.sim, {
    accountId: context.accountId,
    region: context.region,
    restApiId: api.id,
    useLiveApi: true,
    // Testing the ANY method itself sends a GET, the console's default method type for an ANY method.
    httpMethod: httpMethod === "ANY" ? "GET" : httpMethod,
    path: input.pathWithQueryString ?? resource.path,
    headers: input.headers,
    body: input.body,
  });
  return {
    status: 200,
    body: {
      status: result.status,
      body: result.body,
      headers: result.headers,
      multiValueHeaders: Object.fromEntries(Object.entries(result.headers).map(([key, value]) => [key, [value]])),
      log: result.log.join("\n"),
      latency: result.latencyMs,
    },
  };
}

export const tagAndTestInvokeRoutes: RestRoute[] = [
  {
    method: "PUT",
    path: "/tags/{resourceArn}",
    operation: "TagResource",
    action: "apigateway:PUT",
    handle: tagResource,
  },
  {
    method: "GET",
    path: "/tags/{resourceArn}",
    operation: "GetTags",
    action: "apigateway:GET",
    handle: (context, request) => ({
      status: 200,
      body: { tags: taggable(context, request.pathParams.resourceArn ?? "").tags },
    }),
  },
  {
    method: "POST",
    path: "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}",
    operation: "TestInvokeMethod",
    action: "apigateway:POST",
    handle: testInvokeMethod,
  },
];
