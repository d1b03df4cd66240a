import { z } from "zod";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { ApiResource, Integration, Method, RestApi } from "../../model/apigateway";
import type { LoadBalancer } from "../../model/elb";
import { badRequest, conflict, notFound } from "./apigateway-errors";
import { isGone, newApiGatewayId, restApiOf, vpcLinksV1, vpcLinksV2 } from "./apigateway-records";
import { restApiListRoute } from "./rest-api-list-route";
import { parse, patchSchema } from "./rest-apis";

// Resources, methods and integrations of a REST API. Put* calls overwrite in place, as API Gateway does.

const methodsPath = "/restapis/{restApiId}/resources/{resourceId}/methods/{httpMethod}";
export const httpMethods = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function resourceOf(api: RestApi, id: string): ApiResource {
  const resource = api.resources.find((candidate) => candidate.id === id);
  if (!resource) throw notFound("Invalid Resource identifier specified");
  return resource;
}

function methodOf(resource: ApiResource, httpMethod: string): Method {
  const method = resource.methods[httpMethod];
  if (!method) throw notFound("Invalid Method identifier specified");
  return method;
}

function target(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const resource = resourceOf(api, request.pathParams.resourceId ?? "");
  return { api, resource, httpMethod: (request.pathParams.httpMethod ?? "").toUpperCase() };
}

export function integrationWire(integration: Integration) {
  return {
    type: integration.type,
    httpMethod: integration.httpMethod,
    uri: integration.uri,
    connectionType: integration.connectionType,
    connectionId: integration.connectionId,
    integrationTarget: integration.integrationTarget,
    requestParameters: integration.requestParameters,
    requestTemplates: integration.requestTemplates,
    passthroughBehavior: integration.passthroughBehavior,
    timeoutInMillis: integration.timeoutInMillis,
    cacheNamespace: integration.cacheNamespace,
    cacheKeyParameters: integration.cacheKeyParameters,
    tlsConfig: integration.tlsConfig,
    integrationResponses: integration.integrationResponses,
  };
}

export function methodWire(method: Method) {
  return {
    httpMethod: method.httpMethod,
    authorizationType: method.authorizationType,
    apiKeyRequired: method.apiKeyRequired,
    requestParameters: method.requestParameters,
    methodResponses: method.methodResponses,
    methodIntegration: method.integration ? integrationWire(method.integration) : undefined,
  };
}

export function resourceWire(resource: ApiResource) {
  return {
    id: resource.id,
    parentId: resource.parentId,
    pathPart: resource.pathPart,
    path: resource.path,
    resourceMethods:
      Object.keys(resource.methods).length > 0
        ? Object.fromEntries(Object.entries(resource.methods).map(([name, method]) => [name, methodWire(method)]))
        : undefined,
  };
}

/** A child resource under `parent`, validated as CreateResource validates its `pathPart`. */
export function addChildResource(
  context: CallContext,
  api: RestApi,
  parent: ApiResource,
  pathPart: string,
): ApiResource {
  if (!/^(\{[a-zA-Z0-9._-]+\+?\}|[a-zA-Z0-9._:-]+)$/.test(pathPart))
    throw badRequest(
      `Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.`,
    );
  if (parent.pathPart?.endsWith("+}"))
    throw badRequest("A greedy path variable {proxy+} must be the last part of a path.");
  const path = `${parent.path === "/" ? "" : parent.path}/${pathPart}`;
  if (api.resources.some((resource) => resource.path === path))
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  const resource: ApiResource = { id: newApiGatewayId(context), parentId: parent.id, pathPart, path, methods: {} };
  api.resources.push(resource);
  return resource;
}

function createResource(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const parent = resourceOf(api, request.pathParams.parentId ?? "");
  const { pathPart } = parse(z.object({ pathPart: z.string().min(1) }), request.body);
  return { status: 201, body: resourceWire(addChildResource(context, api, parent, pathPart)) };
}

function deleteResource(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const resource = resourceOf(api, request.pathParams.resourceId ?? "");
  if (resource.id === api.rootResourceId) throw badRequest("Cannot delete the root resource");
  api.resources = api.resources.filter(
    (candidate) => candidate.id !== resource.id && !candidate.path.startsWith(`${resource.path}/`),
  );
  return { status: 202 };
}

const putMethodSchema = z.object({
  authorizationType: z.string(),
  apiKeyRequired: z.boolean().default(false),
  requestParameters: z.record(z.string(), z.boolean()).default({}),
});

function putMethod(context: CallContext, request: RestRequest) {
  const { resource, httpMethod } = target(context, request);
  if (!httpMethods.includes(httpMethod)) throw badRequest(`Invalid HTTP method ${httpMethod}`);
  const input = parse(putMethodSchema, request.body);
  const method: Method = {
    httpMethod,
    authorizationType: input.authorizationType,
    apiKeyRequired: input.apiKeyRequired,
    requestParameters: input.requestParameters,
    methodResponses: {},
  };
  resource.methods[httpMethod] = method;
  return { status: 201, body: methodWire(method) };
}

// UpdateMethod (API Gateway API reference, "UpdateMethod"): only /authorizationType is modelled, with the values
// API Gateway accepts for it; any other path is a BadRequestException as AWS answers for an unknown path.
const authorizationTypes = ["NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS"];

function updateMethod(context: CallContext, request: RestRequest) {
  const { resource, httpMethod } = target(context, request);
  const method = methodOf(resource, httpMethod);
  for (const { op, path, value } of parse(patchSchema, request.body).patchOperations) {
    if (path !== "/authorizationType" || op !== "replace")
      throw badRequest(`Invalid patch path ${path} for operation ${op}`);
    if (!value || !authorizationTypes.includes(value)) throw badRequest(`Invalid authorization type ${value ?? ""}`);
    method.authorizationType = value;
  }
  return { status: 200, body: methodWire(method) };
}

const putIntegrationSchema = z.object({
  type: z.enum(["HTTP_PROXY", "HTTP", "MOCK", "AWS", "AWS_PROXY"]),
  httpMethod: z.string().optional(),
  uri: z.string().optional(),
  connectionType: z.enum(["INTERNET", "VPC_LINK"]).default("INTERNET"),
  connectionId: z.string().optional(),
  integrationTarget: z.string().optional(),
  requestParameters: z.record(z.string(), z.string()).default({}),
  requestTemplates: z.record(z.string(), z.string()).default({}),
  passthroughBehavior: z.string().optional(),
  timeoutInMillis: z.number().int().min(50).max(29_000).default(29_000),
  cacheNamespace: z.string().optional(),
  cacheKeyParameters: z.array(z.string()).default([]),
  tlsConfig: z.object({ insecureSkipVerification: z.boolean().optional() }).optional(),
});

function validateVpcLink(context: CallContext, input: z.infer<typeof putIntegrationSchema>): void {
  if (input.connectionType !== "VPC_LINK") return;
  const id = input.connectionId ?? "";
  if (input.integrationTarget) {
    const link = vpcLinksV2(context.world).get(id);
    if (!link || link.accountId !== context.accountId || isGone(link, context.now))
      throw badRequest(`Invalid VPC link identifier specified: ${id}`);
    const balancer = context.world.collection<LoadBalancer>("elbv2.loadBalancer").get(input.integrationTarget);
    if (!balancer || balancer.accountId !== context.accountId)
      throw badRequest(`Invalid integration target specified: ${input.integrationTarget}`);
    return;
  }
  const link = vpcLinksV1(context.world).get(id);
  if (!link || link.accountId !== context.accountId || isGone(link, context.now))
    throw badRequest(`Invalid VPC link identifier specified: ${id}`);
}

/** An integration from a PutIntegration body (or an imported `x-amazon-apigateway-integration`), validated. */
export function integrationFrom(context: CallContext, resource: ApiResource, body: unknown): Integration {
  const input = parse(putIntegrationSchema, body);
  if ((input.type === "HTTP" || input.type === "HTTP_PROXY") && !input.httpMethod)
    throw badRequest("Enumeration value for HttpMethod must be non-empty");
  if ((input.type === "HTTP" || input.type === "HTTP_PROXY") && !input.uri)
    throw badRequest("Invalid HTTP endpoint specified for URI");
  validateVpcLink(context, input);
  return { ...input, cacheNamespace: input.cacheNamespace ?? resource.id, integrationResponses: {} };
}

function putIntegration(context: CallContext, request: RestRequest) {
  const { resource, httpMethod } = target(context, request);
  const method = methodOf(resource, httpMethod);
  const integration = integrationFrom(context, resource, request.body);
  method.integration = integration;
  return { status: 201, body: integrationWire(integration) };
}

function putMethodResponse(context: CallContext, request: RestRequest) {
  const { resource, httpMethod } = target(context, request);
  const method = methodOf(resource, httpMethod);
  const statusCode = request.pathParams.statusCode ?? "200";
  const input = parse(
    z.object({
      responseParameters: z.record(z.string(), z.boolean()).default({}),
      responseModels: z.record(z.string(), z.string()).default({}),
    }),
    request.body,
  );
  method.methodResponses[statusCode] = { statusCode, ...input };
  return { status: 201, body: method.methodResponses[statusCode] };
}

function putIntegrationResponse(context: CallContext, request: RestRequest) {
  const { resource, httpMethod } = target(context, request);
  const integration = methodOf(resource, httpMethod).integration;
  if (!integration) throw notFound("No integration defined for method");
  const statusCode = request.pathParams.statusCode ?? "200";
  const input = parse(
    z.object({
      selectionPattern: z.string().optional(),
      responseParameters: z.record(z.string(), z.string()).default({}),
      responseTemplates: z.record(z.string(), z.string()).default({}),
    }),
    request.body,
  );
  integration.integrationResponses[statusCode] = { statusCode, ...input };
  return { status: 201, body: integration.integrationResponses[statusCode] };
}

export const resourceRoutes: RestRoute[] = [
  restApiListRoute("resources", "GetResources", (api) => api.resources.map(resourceWire)),
  {
    method: "POST",
    path: "/restapis/{restApiId}/resources/{parentId}",
    operation: "CreateResource",
    action: "apigateway:POST",
    handle: createResource,
  },
  {
    // The resource with its methods by verb (`resourceMethods`), with or without ?embed=methods.
    method: "GET",
    path: "/restapis/{restApiId}/resources/{resourceId}",
    operation: "GetResource",
    action: "apigateway:GET",
    handle: (context, request) => {
      const api = restApiOf(context, request.pathParams.restApiId ?? "");
      return { status: 200, body: resourceWire(resourceOf(api, request.pathParams.resourceId ?? "")) };
    },
  },
  {
    method: "DELETE",
    path: "/restapis/{restApiId}/resources/{resourceId}",
    operation: "DeleteResource",
    action: "apigateway:DELETE",
    handle: deleteResource,
  },
  { method: "PUT", path: methodsPath, operation: "PutMethod", action: "apigateway:PUT", handle: putMethod },
  { method: "PATCH", path: methodsPath, operation: "UpdateMethod", action: "apigateway:PATCH", handle: updateMethod },
  {
    method: "GET",
    path: methodsPath,
    operation: "GetMethod",
    action: "apigateway:GET",
    handle: (context, request) => {
      const { resource, httpMethod } = target(context, request);
      return { status: 200, body: methodWire(methodOf(resource, httpMethod)) };
    },
  },
  {
    method: "PUT",
    path: `${methodsPath}/integration`,
    operation: "PutIntegration",
    action: "apigateway:PUT",
    handle: putIntegration,
  },
  {
    method: "GET",
    path: `${methodsPath}/integration`,
    operation: "GetIntegration",
    action: "apigateway:GET",
    handle: (context, request) => {
      const { resource, httpMethod } = target(context, request);
      const integration = methodOf(resource, httpMethod).integration;
      if (!integration) throw notFound("No integration defined for method");
      return { status: 200, body: integrationWire(integration) };
    },
  },
  {
    method: "PUT",
    path: `${methodsPath}/responses/{statusCode}`,
    operation: "PutMethodResponse",
    action: "apigateway:PUT",
    handle: putMethodResponse,
  },
  {
    method: "PUT",
    path: `${methodsPath}/integration/responses/{statusCode}`,
    operation: "PutIntegrationResponse",
    action: "apigateway:PUT",
    handle: putIntegrationResponse,
  },
];
