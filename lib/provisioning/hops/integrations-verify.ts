import { GetStageCommand } from "@aws-sdk/client-api-gateway";
import { done, PermanentStepError } from "../engine/step-runtime";
import { chainIntegrationDrift } from "../verify/integration-drift";
import { readChainIntegrations } from "../verify/read-integrations";
import { invokeThroughApiGateway } from "../verify/test-invoke";
import type { RelinkHop } from "./hop";
import { integrationsDeploy } from "./integrations-deploy";
import { chainResources, wantedWiring } from "./relink-target";

// The new path answers before anything old goes: both integrations read back wired as wanted (the check verify uses),
// the stage serves this run's deployment, and API Gateway's TestInvokeMethod reaches the backend through the link. A
// failure here fails the run, whose rollback puts the integrations back on the chain's link.

const rollbackFix = { key: "failures.fix.relinkRollback" } as const;

export const integrationsVerify: RelinkHop<"integrations.verify", { testInvokeStatus: number }> = {
  id: "integrations.verify",
  calls: ["apigateway:GetIntegration", "apigateway:GetStage", "apigateway:TestInvokeMethod"],
  place: () => ({ dependsOn: [integrationsDeploy] }),
  async run(context) {
    const { apiGateway } = context.platform;
    const resources = chainResources(context);
    const drift = chainIntegrationDrift(await readChainIntegrations(apiGateway, resources), wantedWiring(context));
    if (drift) throw new PermanentStepError(`The integrations drifted: ${drift}`, "IntegrationDrifted", rollbackFix);
    const deploymentId = context.output(integrationsDeploy, "deploymentId");
    const stage = await apiGateway.send(
      new GetStageCommand({ restApiId: resources.restApiId, stageName: context.exposure.stageName }),
    );
    if (stage.deploymentId !== deploymentId)
      throw new PermanentStepError(
        `Stage ${context.exposure.stageName} serves deployment ${stage.deploymentId ?? "none"}, not ${deploymentId}`,
        "StageRedeployed",
        rollbackFix,
      );
    const answer = await invokeThroughApiGateway(apiGateway, {
      restApiId: resources.restApiId,
      resourceId: resources.rootResourceId,
      path: "/",
    });
    if (answer.status >= 500)
      throw new PermanentStepError(
        `Test invoke through the new link answered ${answer.status}: ${answer.body.slice(0, 200)}`,
        "TestInvokeFailed",
        rollbackFix,
      );
    return done({ testInvokeStatus: answer.status });
  },
};
