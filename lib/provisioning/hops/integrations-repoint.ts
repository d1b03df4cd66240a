import { done } from "../engine/step-runtime";
import { integrationDrift } from "../verify/integration-drift";
import { readChainIntegrations } from "../verify/read-integrations";
import { putChainIntegration } from "./chain-integration";
import type { RelinkHop } from "./hop";
import { linkEnsure } from "./link-ensure";
import { chainResources, wantedWiring } from "./relink-target";

// Points ANY / and ANY /{proxy+} at the link link.ensure recorded. Nothing changes for callers yet: the stage serves
// its deployment, a snapshot of the API (API Gateway developer guide, "Deploying a REST API"), until the next hop
// deploys. A method already wired as wanted (an earlier attempt, a crash after one call) is left alone.

export const integrationsRepoint: RelinkHop<"integrations.repoint", { repointed: string[] }> = {
  id: "integrations.repoint",
  calls: ["apigateway:GetIntegration ANY / and ANY /{proxy+}", "apigateway:PutIntegration (the link, the NLB)"],
  place: () => ({ dependsOn: [linkEnsure] }),
  async run(context) {
    const { apiGateway } = context.platform;
    const resources = chainResources(context);
    const wanted = wantedWiring(context);
    const live = await readChainIntegrations(apiGateway, resources);
    const repointed: string[] = [];
    for (const [method, resourceId] of [
      ["/", resources.rootResourceId],
      ["/{proxy+}", resources.proxyResourceId],
    ] as const) {
      if (!integrationDrift(method, live[method], wanted[method])) continue;
      await putChainIntegration(apiGateway, {
        restApiId: resources.restApiId,
        resourceId,
        greedy: method === "/{proxy+}",
        wiring: wanted[method],
      });
      repointed.push(`ANY ${method}`);
    }
    return done({ repointed });
  },
};
