import { PutIntegrationCommand, type APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { IntegrationWiring } from "../verify/integration-drift";

// One method's HTTP_PROXY integration over a VPC link, as the routes hop builds it and the migration and repair hops
// repoint it. PutIntegration replaces the method's integration whole, so the call is idempotent; a REST API
// integration over a VPC link V2 is `connectionType VPC_LINK`, `connectionId` the V2 link and `integrationTarget` the
// NLB's ARN (API Gateway developer guide, "Set up a private integration" / PutIntegration API reference). Callers
// see the change only after the next deployment.
export async function putChainIntegration(
  apiGateway: APIGatewayClient,
  input: { restApiId: string; resourceId: string; greedy: boolean; wiring: IntegrationWiring },
): Promise<void> {
  await apiGateway.send(
    new PutIntegrationCommand({
      restApiId: input.restApiId,
      resourceId: input.resourceId,
      httpMethod: "ANY",
      type: "HTTP_PROXY",
      integrationHttpMethod: "ANY",
      uri: input.wiring.uri,
      connectionType: "VPC_LINK",
      connectionId: input.wiring.vpcLinkId,
      integrationTarget: input.wiring.integrationTarget,
      requestParameters: input.greedy ? { "integration.request.path.proxy": "method.request.path.proxy" } : undefined,
    }),
  );
}
