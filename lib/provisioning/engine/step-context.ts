import { awaitTurn, type AttemptPacing } from "./await-turn";
import { clockOf, type AdvanceDependencies } from "./engine-dependencies";
import { sharedVpcLinkAccess } from "./hub-vpc-link-claim";
import { accountAccessFor, type RequestWithHub } from "./request-access";
import { recordOutputs } from "./run-store";
import type { StepContext, StepOutputs } from "./step-runtime";
import { exposureOf, hubOf } from "../plan/exposure";
import { chainOutputs } from "./chain-outputs";
import type { ProvisioningStep, RunKind } from "@/lib/generated/prisma/client";

/**
 * What one attempt of a step sees: the exposure, the accounts' clients, what earlier hops recorded, and its bookkeeping
 * (`pacing` counts the time it sleeps for call slots).
 */
export async function stepContext(
  dependencies: AdvanceDependencies,
  request: RequestWithHub,
  step: ProvisioningStep,
  all: ProvisioningStep[],
  runKind: RunKind,
  pacing: AttemptPacing,
): Promise<StepContext> {
  const { db } = dependencies;
  const access = await accountAccessFor(db, request);
  const outputsById = new Map(all.map((candidate) => [candidate.stepId, candidate.outputs as StepOutputs]));
  const purpose = `request-${request.id}`;
  const record = (outputs: StepOutputs) => recordOutputs(db, step.id, outputs);
  const createSettleMs = (dependencies.createSettleMs ?? 10_000) / (dependencies.timeScale ?? 1);
  // A run that changes an active chain in place reads the chain's resources from the runs that built and relinked it.
  const chain = runKind === "migrate" || runKind === "repair" ? await chainOutputs(db, request.id) : {};
  return {
    requestId: request.id,
    runId: step.runId,
    runKind,
    chain,
    exposure: exposureOf(request),
    hub: hubOf(request.hub),
    platform: dependencies.clients.clientsFor(access.platform, purpose),
    application: access.application && dependencies.clients.clientsFor(access.application, purpose),
    createSettleMs,
    tags: { "gatehouse:request-id": request.id, "gatehouse:managed": "true" },
    previous: step.outputs as StepOutputs,
    output(from, key) {
      const value = outputsById.get(from.id)?.[key];
      if (value === undefined)
        throw new Error(`step ${step.stepId} needs ${key} from ${from.id}, which has not recorded it`);
      // The hop `from` declared the type of what it records under `key`.
      return value as never;
    },
    record,
    awaitTurn: (operation) => awaitTurn(dependencies, request, step, operation, record, pacing),
    sharedVpcLink: sharedVpcLinkAccess(db, {
      hubId: request.hub.id,
      stepRowId: step.id,
      now: clockOf(dependencies),
      claimMs: Math.max(dependencies.stepLeaseMs ?? 60_000, 2 * createSettleMs),
    }),
    recordResource: async (resource) => {
      // A shared resource (one endpoint service per NLB) is recorded once, by whichever request got there first;
      // ON CONFLICT DO NOTHING, because an upsert's read-then-insert races between concurrent runs.
      await db.provisionedResource.createMany({
        data: [{ ...resource, requestId: request.id, stepId: step.stepId, region: request.hub.region }],
        skipDuplicates: true,
      });
    },
  };
}
