import { z } from "zod";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { RestApi } from "../../model/apigateway";
import { badRequest } from "./apigateway-errors";
import { epochSeconds, newApiGatewayId, restApiOf, restApis } from "./apigateway-records";

const createSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  endpointConfiguration: z
    .object({
      types: z.array(z.enum(["PRIVATE", "REGIONAL", "EDGE"])).default(["EDGE"]),
      vpcEndpointIds: z.array(z.string()).default([]),
    })
    .optional(),
  policy: z.string().optional(),
  tags: z.record(z.string(), z.string()).default({}),
  disableExecuteApiEndpoint: z.boolean().default(false),
  apiKeySource: z.string().default("HEADER"),
});

export const patchSchema = z.object({
  patchOperations: z
    .array(
      z.object({
        op: z.enum(["add", "remove", "replace", "move", "copy", "test"]),
        path: z.string(),
        value: z.string().optional(),
      }),
    )
    .default([]),
});

export function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw badRequest(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

export function restApiWire(api: RestApi) {
  return {
    id: api.id,
    name: api.name,
    description: api.description,
    createdDate: epochSeconds(api.createdAt),
    apiKeySource: api.apiKeySource,
    endpointConfiguration: {
      types: api.endpointConfiguration.types,
      vpcEndpointIds: api.endpointConfiguration.vpcEndpointIds,
    },
    // API Gateway hands the policy back with its quotes escaped.
    policy: api.policy?.replace(/"/g, '\\"'),
    tags: api.tags,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    rootResourceId: api.rootResourceId,
  };
}

function createRestApi(context: CallContext, request: RestRequest) {
  const input = parse(createSchema, request.body);
  const rootResourceId = newApiGatewayId(context);
  const types = input.endpointConfiguration?.types ?? ["EDGE"];
  if (types.includes("PRIVATE") && input.disableExecuteApiEndpoint)
    throw badRequest("A private API cannot disable its execute-api endpoint");
  const api = restApis(context.world).put({
    ...context.newResource(newApiGatewayId(context), input.tags),
    name: input.name,
    description: input.description,
    endpointConfiguration: { types, vpcEndpointIds: input.endpointConfiguration?.vpcEndpointIds ?? [] },
    policy: input.policy,
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint,
    apiKeySource: input.apiKeySource,
    rootResourceId,
    resources: [{ id: rootResourceId, path: "/", methods: {} }],
    deployments: [],
    stages: [],
  });
  return { status: 201, body: restApiWire(api) };
}

function getRestApis(context: CallContext) {
  const apis = restApis(context.world).list({
    accountId: context.accountId,
    region: context.region,
    visibleAt: context.now,
  });
  return { status: 200, body: { item: apis.map(restApiWire) } };
}

function applyPatch(api: RestApi, operation: z.infer<typeof patchSchema>["patchOperations"][number]) {
  const { op, path, value } = operation;
  if (path === "/policy" && (op === "replace" || op === "add")) api.policy = value;
  else if (path === "/policy" && op === "remove") api.policy = undefined;
  else if (path === "/name" && op === "replace" && value) api.name = value;
  else if (path === "/description" && op === "replace") api.description = value;
  else if (path === "/endpointConfiguration/vpcEndpointIds" && op === "add" && value) {
    api.endpointConfiguration.vpcEndpointIds = [...new Set([...api.endpointConfiguration.vpcEndpointIds, value])];
  } else if (path === "/endpointConfiguration/vpcEndpointIds" && op === "remove" && value) {
    api.endpointConfiguration.vpcEndpointIds = api.endpointConfiguration.vpcEndpointIds.filter((id) => id !== value);
  } else throw badRequest(`Invalid patch path ${path} for operation ${op}`);
}

function updateRestApi(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  for (const operation of parse(patchSchema, request.body).patchOperations) applyPatch(api, operation);
  return { status: 200, body: restApiWire(api) };
}

function deleteRestApi(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  restApis(context.world).delete(api.id);
  return { status: 202 };
}

export const restApiRoutes: RestRoute[] = [
  { method: "POST", path: "/restapis", operation: "CreateRestApi", action: "apigateway:POST", handle: createRestApi },
  { method: "GET", path: "/restapis", operation: "GetRestApis", action: "apigateway:GET", handle: getRestApis },
  {
    method: "GET",
    path: "/restapis/{restApiId}",
    operation: "GetRestApi",
    action: "apigateway:GET",
    handle: (context, request) => ({
      status: 200,
      body: restApiWire(restApiOf(context, request.pathParams.restApiId ?? "")),
    }),
  },
  {
    method: "PATCH",
    path: "/restapis/{restApiId}",
    operation: "UpdateRestApi",
    action: "apigateway:PATCH",
    handle: updateRestApi,
  },
  {
    method: "DELETE",
    path: "/restapis/{restApiId}",
    operation: "DeleteRestApi",
    action: "apigateway:DELETE",
    handle: deleteRestApi,
  },
];
