import { done, type StepContext } from "../engine/step-runtime";
import { deployStage } from "./deploy-stage";
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
    const restApiId = context.output(restApiCreate, "restApiId");
    const deployed = await deployStage(context, restApiId, `Gatehouse ${context.requestId}`);
    if (typeof deployed !== "string") return deployed;
    return done({ deploymentId: deployed, ...invokeUrls(context, restApiId) });
  },
};
