import { CreateRestApiCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { done } from "../engine/step-runtime";
import { buildResourcePolicy, serializeResourcePolicy } from "../resource-policy";
import { findOrCreate } from "./find-or-create";
import type { Hop } from "./hop";
import { restApiDelete } from "./rest-api-delete";

export const restApiCreate: Hop<"restApi.create", { restApiId: string }> = {
  id: "restApi.create",
  account: "platform",
  calls: ["apigateway:GetRestApis (by tag)", "apigateway:CreateRestApi (PRIVATE, policy)"],
  creates: "private REST API",
  place: (exposure, hub) => ({
    dependsOn: [],
    inputs: { name: exposure.apiName, endpointType: "PRIVATE", vpcEndpointIds: [hub.executeApiEndpointId] },
  }),
  teardown: restApiDelete,
  async run(context) {
    const { apiGateway } = context.platform;
    const restApiId = await findOrCreate(
      context,
      "restApiId",
      async () => {
        const { items } = await apiGateway.send(new GetRestApisCommand({ limit: 500 }));
        return items?.find((api) => api.tags?.["gatehouse:request-id"] === context.requestId)?.id;
      },
      async () =>
        (
          await context.platform.apiGatewayOnce.send(
            new CreateRestApiCommand({
              name: context.exposure.apiName,
              description: `Gatehouse exposure ${context.requestId}`,
              endpointConfiguration: { types: ["PRIVATE"], vpcEndpointIds: [context.hub.executeApiEndpointId] },
              policy: serializeResourcePolicy(buildResourcePolicy([context.hub.executeApiEndpointId])),
              tags: context.tags,
            }),
          )
        ).id,
      "CreateRestApi",
    );
    if (typeof restApiId !== "string") return restApiId;
    await context.recordResource({ kind: "rest-api", identifier: restApiId, accountId: context.hub.accountId });
    return done({ restApiId });
  },
};
