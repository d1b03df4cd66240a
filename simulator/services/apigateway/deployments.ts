import { z } from "zod";
import type { CallContext, RestRequest, RestRoute } from "../../core/service";
import type { RestApi, Stage } from "../../model/apigateway";
import { badRequest, notFound } from "./apigateway-errors";
import {
  epochSeconds,
  isGone,
  linkStatus,
  newApiGatewayId,
  restApiOf,
  vpcLinksV1,
  vpcLinksV2,
} from "./apigateway-records";
import { restApiListRoute } from "./rest-api-list-route";
import { parse } from "./rest-apis";

// A deployment freezes the API (resources, integrations, policy) into a snapshot that its stage serves; changing
// the API or its policy changes nothing for callers until the next deployment.

const createSchema = z.object({
  stageName: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,128}$/, "Stage name only allows a-zA-Z0-9_-")
    .optional(),
  stageDescription: z.string().optional(),
  description: z.string().optional(),
  variables: z.record(z.string(), z.string()).default({}),
});

function assertDeployable(context: CallContext, api: RestApi): void {
  const methods = api.resources.flatMap((resource) => Object.values(resource.methods));
  if (methods.length === 0) throw badRequest("The REST API doesn't contain any methods");
  for (const method of methods) {
    const integration = method.integration;
    if (!integration) throw badRequest("No integration defined for method");
    if (integration.connectionType !== "VPC_LINK") continue;
    const link = integration.integrationTarget
      ? vpcLinksV2(context.world).get(integration.connectionId ?? "")
      : vpcLinksV1(context.world).get(integration.connectionId ?? "");
    if (!link || isGone(link, context.now))
      throw badRequest(`VPC link ${integration.connectionId ?? ""} does not exist`);
    const { status } = linkStatus(link, context.now);
    if (status === "FAILED" || status === "DELETING") throw badRequest(`VPC link ${link.id} is in ${status} state`);
  }
  if (api.endpointConfiguration.types.includes("PRIVATE") && !api.policy)
    throw badRequest("Private REST API doesn't have a resource policy attached to it");
}

export function stageWire(stage: Stage) {
  return {
    deploymentId: stage.deploymentId,
    stageName: stage.stageName,
    description: stage.description,
    cacheClusterEnabled: false,
    cacheClusterStatus: "NOT_AVAILABLE",
    methodSettings: {},
    variables: stage.variables,
    tracingEnabled: false,
    tags: stage.tags,
    createdDate: epochSeconds(stage.createdDate),
    lastUpdatedDate: epochSeconds(stage.lastUpdatedDate),
  };
}

function createDeployment(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const input = parse(createSchema, request.body);
  assertDeployable(context, api);
  const deployment = {
    id: newApiGatewayId(context),
    description: input.description,
    createdDate: context.now,
    snapshot: { resources: structuredClone(api.resources), policy: api.policy },
  };
  api.deployments.push(deployment);
  if (input.stageName) {
    const existing = api.stages.find((stage) => stage.stageName === input.stageName);
    if (existing)
      Object.assign(existing, {
        deploymentId: deployment.id,
        lastUpdatedDate: context.now,
        variables: { ...existing.variables, ...input.variables },
      });
    else
      api.stages.push({
        stageName: input.stageName,
        deploymentId: deployment.id,
        description: input.stageDescription,
        variables: input.variables,
        createdDate: context.now,
        lastUpdatedDate: context.now,
        tags: {},
      });
  }
  return {
    status: 201,
    body: { id: deployment.id, description: deployment.description, createdDate: epochSeconds(deployment.createdDate) },
  };
}

function getStage(context: CallContext, request: RestRequest) {
  const api = restApiOf(context, request.pathParams.restApiId ?? "");
  const stage = api.stages.find((candidate) => candidate.stageName === request.pathParams.stageName);
  if (!stage) throw notFound("Invalid Stage identifier specified");
  return { status: 200, body: stageWire(stage) };
}

export const deploymentRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/restapis/{restApiId}/deployments",
    operation: "CreateDeployment",
    action: "apigateway:POST",
    handle: createDeployment,
  },
  restApiListRoute("deployments", "GetDeployments", (api) =>
    api.deployments.map((deployment) => ({
      id: deployment.id,
      description: deployment.description,
      createdDate: epochSeconds(deployment.createdDate),
    })),
  ),
  restApiListRoute("stages", "GetStages", (api) => api.stages.map(stageWire)),
  {
    method: "GET",
    path: "/restapis/{restApiId}/stages/{stageName}",
    operation: "GetStage",
    action: "apigateway:GET",
    handle: getStage,
  },
];
