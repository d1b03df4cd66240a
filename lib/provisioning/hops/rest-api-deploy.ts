import { CreateDeploymentCommand, GetStageCommand } from "@aws-sdk/client-api-gateway";
import { done, type StepContext } from "../engine/step-runtime";
import type { Hop } from "./hop";
import { restApiCreate } from "./rest-api-create";
import { restApiRoutes } from "./rest-api-routes";
import { dnsSuffixForRegion } from "@/lib/aws/partition";

/** The endpoint-specific name works from any VPC routed to the hub endpoint; the private DNS name only inside it. */
function invokeUrls(context: StepContext, restApiId: string) {
  const { region, executeApiEndpointId } = context.hub;
  const suffix = dnsSuffixForRegion(region);
  return {
    invokeUrl: `https://${restApiId}-${executeApiEndpointId}.execute-api.${region}.${suffix}/${context.exposure.stageName}`,
    privateDnsInvokeUrl: `https://${restApiId}.execute-api.${region}.${suffix}/${context.exposure.stageName}`,
  };
}

export const restApiDeploy: Hop<
  "restApi.deploy",
  { deploymentId: string; invokeUrl: string; privateDnsInvokeUrl: string }
> = {
  id: "restApi.deploy",
  account: "platform",
  calls: ["apigateway:CreateDeployment"],
  creates: "deployment and stage",
  place: (exposure) => ({ dependsOn: [restApiRoutes], inputs: { stageName: exposure.stageName } }),
  async run(context) {
    const { apiGateway } = context.platform;
    const restApiId = context.output(restApiCreate, "restApiId");
    const stageName = context.exposure.stageName;
    if (typeof context.previous.deploymentId === "string") {
      const stage = await apiGateway.send(new GetStageCommand({ restApiId, stageName })).catch(() => undefined);
      if (stage?.deploymentId === context.previous.deploymentId)
        return done({ deploymentId: stage.deploymentId, ...invokeUrls(context, restApiId) });
    }
    const turn = await context.awaitTurn("CreateDeployment");
    if (turn) return turn;
    // Without SDK retries: a throttled call goes back for a new turn instead of holding the account's writes.
    const deployment = await context.platform.apiGatewayOnce.send(
      new CreateDeploymentCommand({ restApiId, stageName, description: `Gatehouse ${context.requestId}` }),
    );
    if (!deployment.id) throw new Error("API Gateway returned no deployment");
    await context.record({ deploymentId: deployment.id });
    return done({ deploymentId: deployment.id, ...invokeUrls(context, restApiId) });
  },
};
