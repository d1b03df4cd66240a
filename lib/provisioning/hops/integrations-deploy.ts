import { done } from "../engine/step-runtime";
import { deployStage } from "./deploy-stage";
import type { RelinkHop } from "./hop";
import { integrationsRepoint } from "./integrations-repoint";
import { chainResources } from "./relink-target";

// The moment the stage switches to the new wiring: one CreateDeployment, paced like provisioning's (one per 5 s per
// account), so a bulk migration of a hub's exposures is spaced, not throttled.

export const integrationsDeploy: RelinkHop<"integrations.deploy", { deploymentId: string }> = {
  id: "integrations.deploy",
  calls: ["apigateway:CreateDeployment"],
  place: () => ({ dependsOn: [integrationsRepoint] }),
  async run(context) {
    const deployed = await deployStage(
      context,
      chainResources(context).restApiId,
      `Gatehouse ${context.runKind} ${context.requestId}`,
    );
    return typeof deployed === "string" ? done({ deploymentId: deployed }) : deployed;
  },
};
