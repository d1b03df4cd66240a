import { GetResourcesCommand, UpdateMethodCommand, type APIGatewayClient } from "@aws-sdk/client-api-gateway";
import type { ApiAuthorization } from "@/lib/generated/prisma/client";

// The authorization of every method of an exposure's REST API follows the owning team's choice: NONE (the resource
// policy's VPC endpoints are the only gate) or AWS_IAM (API Gateway then requires a SigV4 signature and lets the
// resource policy judge the signed principal). UpdateMethod, patch /authorizationType (API Gateway API reference).

export type MethodUpdate = { resourceId: string; httpMethod: string; authorizationType: "NONE" | "AWS_IAM" };

export const authorizationTypeOf = (choice: ApiAuthorization) => (choice === "AWS_IAM" ? "AWS_IAM" : "NONE");

/** The methods whose authorization differs from `choice` (read only). */
export async function methodAuthorizationUpdates(
  apiGateway: APIGatewayClient,
  restApiId: string,
  choice: ApiAuthorization,
): Promise<MethodUpdate[]> {
  const authorizationType = authorizationTypeOf(choice);
  const { items = [] } = await apiGateway.send(new GetResourcesCommand({ restApiId, embed: ["methods"], limit: 500 }));
  return items.flatMap((resource) =>
    Object.entries(resource.resourceMethods ?? {})
      .filter(([, method]) => (method.authorizationType ?? "NONE") !== authorizationType)
      .map(([httpMethod]) => ({ resourceId: resource.id ?? "", httpMethod, authorizationType })),
  );
}

export async function applyMethodAuthorization(
  apiGateway: APIGatewayClient,
  restApiId: string,
  updates: readonly MethodUpdate[],
): Promise<void> {
  for (const { resourceId, httpMethod, authorizationType } of updates) {
    await apiGateway.send(
      new UpdateMethodCommand({
        restApiId,
        resourceId,
        httpMethod,
        patchOperations: [{ op: "replace", path: "/authorizationType", value: authorizationType }],
      }),
    );
  }
}
