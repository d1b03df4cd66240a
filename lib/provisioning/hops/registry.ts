import { chainVerify } from "./chain-verify";
import { endpointServiceAllowPlatform } from "./endpoint-service-allow-platform";
import { endpointServiceCreate } from "./endpoint-service-create";
import { endpointServiceDelete } from "./endpoint-service-delete";
import type { Hop, RelinkHop, TeardownHop } from "./hop";
import { integrationsDeploy } from "./integrations-deploy";
import { integrationsRepoint } from "./integrations-repoint";
import { integrationsVerify } from "./integrations-verify";
import { linkEnsure } from "./link-ensure";
import { interfaceEndpointAccept } from "./interface-endpoint-accept";
import { interfaceEndpointAwaitAvailable } from "./interface-endpoint-await-available";
import { interfaceEndpointCreate } from "./interface-endpoint-create";
import { interfaceEndpointDelete } from "./interface-endpoint-delete";
import { listenerCreate } from "./listener-create";
import { loadBalancerAwaitActive } from "./load-balancer-await-active";
import { loadBalancerCreate } from "./load-balancer-create";
import { loadBalancerDelete } from "./load-balancer-delete";
import { restApiCreate } from "./rest-api-create";
import { restApiDelete } from "./rest-api-delete";
import { restApiDeploy } from "./rest-api-deploy";
import { restApiRoutes } from "./rest-api-routes";
import { targetGroupCreate } from "./target-group-create";
import { targetGroupDelete } from "./target-group-delete";
import { targetsRegister } from "./targets-register";
import { vpcLinkAwaitAvailable } from "./vpc-link-await-available";
import { vpcLinkCreate } from "./vpc-link-create";
import { vpcLinkDelete } from "./vpc-link-delete";
import { vpcLinkRetire } from "./vpc-link-retire";

// Every hop, in the order a plan lists them. The plan, the engine, run operations and the UI read hops from here only:
// a new hop is one new file and one line below (and its title in hop-titles.ts).

export const chainHops = [
  endpointServiceCreate,
  endpointServiceAllowPlatform,
  interfaceEndpointCreate,
  interfaceEndpointAccept,
  interfaceEndpointAwaitAvailable,
  targetGroupCreate,
  loadBalancerCreate,
  listenerCreate,
  targetsRegister,
  loadBalancerAwaitActive,
  vpcLinkCreate,
  vpcLinkAwaitAvailable,
  restApiCreate,
  restApiRoutes,
  restApiDeploy,
  chainVerify,
] as const;

/** Rollback and decommission: the chain taken down in reverse. */
export const teardownHops = [
  restApiDelete,
  vpcLinkDelete,
  loadBalancerDelete,
  targetGroupDelete,
  interfaceEndpointDelete,
  endpointServiceDelete,
] as const;

/** Migration V1 → V2 and repair of an active chain: its integrations moved to another link, without downtime. */
export const relinkHops = [
  linkEnsure,
  integrationsRepoint,
  integrationsDeploy,
  integrationsVerify,
  vpcLinkRetire,
] as const;

export type StepId = (typeof chainHops)[number]["id"];
export type TeardownStepId = (typeof teardownHops)[number]["id"];
export type RelinkStepId = (typeof relinkHops)[number]["id"];

const hopsById = new Map<string, Hop | TeardownHop | RelinkHop>(
  [...chainHops, ...teardownHops, ...relinkHops].map((hop) => [hop.id, hop]),
);

/** The hop behind a step row of any run; throws for an ID no hop has (a row from a newer or older Gatehouse). */
export function hopOf(id: string): Hop | TeardownHop | RelinkHop {
  const hop = hopsById.get(id);
  if (!hop) throw new Error(`no hop is called ${id}`);
  return hop;
}

/** The chain hop called `id`, when there is one. */
export function chainHopOf(id: string): Hop | undefined {
  return chainHops.find((hop) => hop.id === id);
}

type ChainHop = (typeof chainHops)[number];
type OutputsOf<H> = H extends Hop<string, infer Outputs> ? Outputs : never;

/**
 * What a finished run recorded, read back with each hop's own output type: a reader of `outputs["restApi.create"]`
 * gets `{ restApiId: string }` and a type error when that hop changes what it records.
 */
export type RecordedOutputs = { [H in ChainHop as H["id"]]?: OutputsOf<H> };

/** A run's step rows as recorded outputs. The rows' JSON was written by the hops above (StepContext.record). */
export function recordedOutputs(steps: readonly { stepId: string; outputs: unknown }[]): RecordedOutputs {
  return Object.fromEntries(steps.map((step) => [step.stepId, step.outputs])) as RecordedOutputs;
}
