import { PermanentStepError, type StepContext } from "../engine/step-runtime";
import { expectedWiring } from "../verify/chain-wiring";
import type { ChainMethod, IntegrationWiring } from "../verify/integration-drift";
import type { ChainResources } from "../verify/read-integrations";
import { linkEnsure } from "./link-ensure";

// What a relink run's hops act on: the chain's REST API and methods, and where the integrations must point once the
// run is done (the link link.ensure recorded, and the platform NLB through a V2 link).

const verifyExposure = { key: "failures.fix.verifyExposure" } as const;

export function chainResources(context: StepContext): ChainResources {
  const api = context.chain["restApi.create"];
  const routes = context.chain["restApi.routes"];
  if (!api || !routes) throw new PermanentStepError("The chain has no recorded REST API.", undefined, verifyExposure);
  return { restApiId: api.restApiId, ...routes };
}

export function wantedWiring(context: StepContext): Record<ChainMethod, IntegrationWiring> {
  const link = {
    vpcLinkId: context.output(linkEnsure, "vpcLinkId"),
    version: context.output(linkEnsure, "version"),
  };
  const wiring = expectedWiring(
    { ...context.chain, "vpcLink.create": link },
    { backendHost: context.exposure.backendHost, port: context.exposure.source.port },
  );
  if (!wiring) throw new PermanentStepError("The chain has no recorded platform NLB.", undefined, verifyExposure);
  return wiring;
}
