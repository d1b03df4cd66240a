import type { RelinkStepId, StepId } from "./registry";
import type { MessageKey, Translatable } from "@/lib/i18n/translatable";

// The hops' titles as catalogue keys (hops.* in messages/), on their own so client components show them without
// bundling the hops' AWS code. Typed by the registry and the catalogue: a hop without a title, or a title key the
// catalogue lacks, fails the typecheck. A page renders the key in its reader's language (t(hopTitles[id]) or
// <TranslatedText message={hopTitleOf(id)} />).

export const hopTitles: Record<StepId, MessageKey> = {
  "endpointService.create": "hops.endpointService.create",
  "endpointService.allowPlatform": "hops.endpointService.allowPlatform",
  "interfaceEndpoint.create": "hops.interfaceEndpoint.create",
  "interfaceEndpoint.accept": "hops.interfaceEndpoint.accept",
  "interfaceEndpoint.awaitAvailable": "hops.interfaceEndpoint.awaitAvailable",
  "targetGroup.create": "hops.targetGroup.create",
  "loadBalancer.create": "hops.loadBalancer.create",
  "listener.create": "hops.listener.create",
  "targets.register": "hops.targets.register",
  "loadBalancer.awaitActive": "hops.loadBalancer.awaitActive",
  "vpcLink.create": "hops.vpcLink.create",
  "vpcLink.awaitAvailable": "hops.vpcLink.awaitAvailable",
  "restApi.create": "hops.restApi.create",
  "restApi.routes": "hops.restApi.routes",
  "restApi.deploy": "hops.restApi.deploy",
  "chain.verify": "hops.chain.verify",
};

/** The steps of a migration or repair run. */
export const relinkHopTitles: Record<RelinkStepId, MessageKey> = {
  "link.ensure": "hops.link.ensure",
  "integrations.repoint": "hops.integrations.repoint",
  "integrations.deploy": "hops.integrations.deploy",
  "integrations.verify": "hops.integrations.verify",
  "vpcLink.retire": "hops.vpcLink.retire",
};

/**
 * The title of any step a run or a verify names: its catalogue key when it has one, else the step ID itself (a
 * teardown step, or one recorded by an older version), which a page shows as it is.
 */
export function hopTitleOf(stepId: string): Translatable | string {
  const key =
    (hopTitles as Record<string, MessageKey | undefined>)[stepId] ??
    (relinkHopTitles as Record<string, MessageKey | undefined>)[stepId];
  return key ? { key } : stepId;
}
