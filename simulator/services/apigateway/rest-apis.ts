import { z } from "zod";
import { arn } from "../../core/partition";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { RestApi } from "../../model/apigateway";
import { AwsError } from "../../core/aws-error";
import { catalogue, privateRestApisPerRegion, quotaValue } from "../servicequotas/quota-catalogue";
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

const patchSchema = z.object({
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

/**
 * API Gateway saves a resource policy with its short form `execute-api:/…` expanded to the API's ARN in the account's
 * partition and region ("API Gateway converts the abbreviated syntax to the full ARN when you save the policy":
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html).
 */
function savedPolicy(policy: string | undefined, api: { id: string; accountId: string; region: string }) {
  const apiArn = arn(api.region, "execute-api", api.accountId, api.id);
  return policy?.replace(/"execute-api:\//g, `"${apiArn}/`);
}

function createRestApi(context: CallContext, request: RestRequest) {
  const input = parse(createSchema, request.body);
  const rootResourceId = newApiGatewayId(context);
  const types = input.endpointConfiguration?.types ?? ["EDGE"];
  if (types.includes("PRIVATE") && input.disableExecuteApiEndpoint)
    throw badRequest("A private API cannot disable its execute-api endpoint");
  if (types.includes("PRIVATE")) throwBeyondPrivateApis(context);
  throwBeyondPolicyLength(context, input.policy);
  const id = newApiGatewayId(context);
  const api = restApis(context.world).put({
    ...context.newResource(id, input.tags),
    name: input.name,
    description: input.description,
    endpointConfiguration: { types, vpcEndpointIds: input.endpointConfiguration?.vpcEndpointIds ?? [] },
    policy: savedPolicy(input.policy, { id, accountId: context.accountId, region: context.region }),
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint,
    apiKeySource: input.apiKeySource,
    rootResourceId,
    resources: [{ id: rootResourceId, path: "/", methods: {} }],
    deployments: [],
    stages: [],
  });
  return { status: 201, body: restApiWire(api) };
}

// REST quotas (api-gateway-execution-service-limits-table): 600 private APIs per account and Region, fixed; the
// resource policy's length is the Service Quota L-8B81B02C (8,192 characters by default). Which error code AWS
// answers for an over-long policy is not documented; the simulator answers BadRequestException.
function throwBeyondPrivateApis(context: CallContext) {
  const privateApis = restApis(context.world)
    .list({ accountId: context.accountId, region: context.region })
    .filter((api) => api.endpointConfiguration.types.includes("PRIVATE"));
  if (privateApis.length >= privateRestApisPerRegion)
    throw new AwsError(
      "LimitExceededException",
      `You have reached the limit of ${privateRestApisPerRegion} private APIs in this region`,
      429,
    );
}

function throwBeyondPolicyLength(context: CallContext, policy: string | undefined) {
  const limit = quotaValue(context.world, context, catalogue.resourcePolicyLength);
  if (policy !== undefined && policy.length > limit)
    throw badRequest(`Resource policy length exceeds the limit of ${limit} characters`);
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
  if (path === "/policy" && (op === "replace" || op === "add")) api.policy = savedPolicy(value, api);
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
  const operations = parse(patchSchema, request.body).patchOperations;
  for (const operation of operations)
    if (operation.path === "/policy") throwBeyondPolicyLength(context, operation.value);
  for (const operation of operations) applyPatch(api, operation);
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
