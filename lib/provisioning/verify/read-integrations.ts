import { GetIntegrationCommand, GetResourcesCommand, type APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ChainMethod, LiveIntegration } from "./integration-drift";

// Reads both methods' integrations back from API Gateway (GetIntegration on ANY). A method without an integration
// reads as undefined; any other error is the caller's.

export type ChainResources = { restApiId: string; rootResourceId: string; proxyResourceId: string };

async function readOne(apiGateway: APIGatewayClient, restApiId: string, resourceId: string, httpMethod = "ANY") {
  try {
    return await apiGateway.send(new GetIntegrationCommand({ restApiId, resourceId, httpMethod }));
  } catch (error) {
    if (error instanceof Error && error.name === "NotFoundException") return undefined;
    throw error;
  }
}

export async function readChainIntegrations(
  apiGateway: APIGatewayClient,
  resources: ChainResources,
): Promise<Record<ChainMethod, LiveIntegration | undefined>> {
  const [root, proxy] = await Promise.all([
    readOne(apiGateway, resources.restApiId, resources.rootResourceId),
    readOne(apiGateway, resources.restApiId, resources.proxyResourceId),
  ]);
  return { "/": root, "/{proxy+}": proxy };
}

/** Every method's integration of an API built from an OpenAPI document, keyed "GET /orders/{id}". */
export async function readDocumentIntegrations(
  apiGateway: APIGatewayClient,
  restApiId: string,
): Promise<Record<string, LiveIntegration | undefined>> {
  const { items = [] } = await apiGateway.send(new GetResourcesCommand({ restApiId, limit: 500, embed: ["methods"] }));
  const methods = items.flatMap((resource) =>
    Object.keys(resource.resourceMethods ?? {}).map((verb) => ({ verb, path: resource.path, id: resource.id ?? "" })),
  );
  const read = await Promise.all(
    methods.map(async ({ verb, path, id }) => [`${verb} ${path}`, await readOne(apiGateway, restApiId, id, verb)]),
  );
  return Object.fromEntries(read);
}
