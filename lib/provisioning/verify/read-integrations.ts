import { GetIntegrationCommand, type APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ChainMethod, LiveIntegration } from "./integration-drift";

// Reads both methods' integrations back from API Gateway (GetIntegration on ANY). A method without an integration
// reads as undefined; any other error is the caller's.

export type ChainResources = { restApiId: string; rootResourceId: string; proxyResourceId: string };

async function readOne(apiGateway: APIGatewayClient, restApiId: string, resourceId: string) {
  try {
    return await apiGateway.send(new GetIntegrationCommand({ restApiId, resourceId, httpMethod: "ANY" }));
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
