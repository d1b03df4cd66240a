import { CreateDeploymentCommand, GetStageCommand } from "@aws-sdk/client-api-gateway";
import type { StepContext, WaitOutcome } from "../engine/step-runtime";

/**
 * Deploys the REST API to the exposure's stage once per step: a later attempt finds the deployment it recorded still
 * on the stage instead of deploying again. CreateDeployment is paced (one per 5 s per account). Returns the
 * deployment's ID, or the outcome to return while the step waits for its turn.
 */
export async function deployStage(
  context: StepContext,
  restApiId: string,
  description: string,
): Promise<string | WaitOutcome> {
  const { apiGateway } = context.platform;
  const stageName = context.exposure.stageName;
  if (typeof context.previous.deploymentId === "string") {
    const stage = await apiGateway.send(new GetStageCommand({ restApiId, stageName })).catch(() => undefined);
    if (stage?.deploymentId === context.previous.deploymentId) return stage.deploymentId;
  }
  const turn = await context.awaitTurn("CreateDeployment");
  if (turn) return turn;
  // Without SDK retries: a throttled call goes back for a new turn instead of holding the account's writes.
  const deployment = await context.platform.apiGatewayOnce.send(
    new CreateDeploymentCommand({ restApiId, stageName, description }),
  );
  if (!deployment.id) throw new Error("API Gateway returned no deployment");
  await context.record({ deploymentId: deployment.id });
  return deployment.id;
}
