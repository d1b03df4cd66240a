import { DeleteVpcLinkCommand, GetStageCommand } from "@aws-sdk/client-api-gateway";
import { done, PermanentStepError, wait } from "../engine/step-runtime";
import { chainIntegrationDrift } from "../verify/integration-drift";
import { readChainIntegrations } from "../verify/read-integrations";
import { isGone } from "./already-gone";
import type { RelinkHop } from "./hop";
import { integrationsDeploy } from "./integrations-deploy";
import { integrationsVerify } from "./integrations-verify";
import { chainResources, wantedWiring } from "./relink-target";
import { linkApi } from "./vpc-link-status";

// The last step of a migration: the exposure's V1 link goes, kept until the V2 path answered (integrations.verify).
// Before the delete the same check runs again: both integrations go through the V2 link and the stage still serves the
// migration's deployment, so no caller can still be routed through the V1 link.

export const vpcLinkRetire: RelinkHop<"vpcLink.retire", { retiredVpcLinkId: string }> = {
  id: "vpcLink.retire",
  calls: ["apigateway:GetIntegration", "apigateway:GetStage", "apigateway:DeleteVpcLink (V1)"],
  place: (kind) => (kind === "migrate" ? { dependsOn: [integrationsVerify] } : undefined),
  async run(context) {
    const old = context.chain["vpcLink.create"];
    if (!old || old.version !== "v1") return done({ retiredVpcLinkId: "" });
    const { apiGateway } = context.platform;
    const resources = chainResources(context);
    const drift = chainIntegrationDrift(await readChainIntegrations(apiGateway, resources), wantedWiring(context));
    const stage = await apiGateway.send(
      new GetStageCommand({ restApiId: resources.restApiId, stageName: context.exposure.stageName }),
    );
    const deployed = context.output(integrationsDeploy, "deploymentId");
    if (drift || stage.deploymentId !== deployed)
      throw new PermanentStepError(
        `The V1 link ${old.vpcLinkId} is kept: ${drift ?? `the stage serves deployment ${stage.deploymentId ?? "none"}, not ${deployed}`}`,
        "IntegrationDrifted",
        { key: "failures.fix.migrationDrift" },
      );
    const status = await linkApi(context, "v1").status(old.vpcLinkId);
    if (status === undefined) return done({ retiredVpcLinkId: old.vpcLinkId });
    if (status !== "DELETING")
      await apiGateway.send(new DeleteVpcLinkCommand({ vpcLinkId: old.vpcLinkId })).catch((error: Error) => {
        if (!isGone(error, "NotFoundException")) throw error;
      });
    return wait(`V1 link ${old.vpcLinkId} is being deleted`, 5_000);
  },
};
