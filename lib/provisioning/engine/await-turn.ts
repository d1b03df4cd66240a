import { pacedOperations, reserveCallSlot, type PacedOperation } from "./api-call-pacing";
import { clockOf, type AdvanceDependencies } from "./engine-dependencies";
import type { RequestWithHub } from "./request-access";
import { waitUntil, type StepContext, type StepOutputs, type WaitOutcome } from "./step-runtime";
import type { ProvisioningStep } from "@/lib/generated/prisma/client";

/** How long one attempt of a step has slept waiting for its call slots, for its attempt log. */
export type AttemptPacing = { sleptMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A step's turn for a rate-limited call: it keeps the slot it reserved (in its outputs, so a later attempt or another
 * worker uses the same one), sleeps when the slot is near and otherwise comes back at it.
 */
export async function awaitTurn(
  dependencies: AdvanceDependencies,
  request: RequestWithHub,
  step: ProvisioningStep,
  operation: PacedOperation,
  record: StepContext["record"],
  pacing: AttemptPacing,
): Promise<WaitOutcome | undefined> {
  const now = clockOf(dependencies);
  const scale = dependencies.timeScale ?? 1;
  const key = `${operation}SlotAt`;
  const held = (step.outputs as StepOutputs)[key];
  const slot =
    typeof held === "number" && held > 0
      ? held
      : (
          await reserveCallSlot(dependencies.db, {
            accountId: request.hub.account.accountId,
            region: request.hub.region,
            operation,
            now: now(),
            timeScale: scale,
          })
        ).getTime();
  const remaining = slot - now().getTime();
  // Sleeping holds the step's lease, so only short waits are slept; longer ones hand the step back to the queue, which
  // brings it back early enough to absorb a late wake-up (a busy worker, the queue's polling) and then sleep to the slot.
  const longestSleep = Math.min(10_000 / scale, (dependencies.stepLeaseMs ?? 60_000) / 3);
  if (remaining > longestSleep) {
    if (slot !== held) await record({ [key]: slot });
    return {
      ...waitUntil(
        `its ${operation} turn: API Gateway allows one every ${pacedOperations[operation] / 1000} s per account`,
        slot - longestSleep / 2,
      ),
      waitingOn: "call-slot",
    };
  }
  // Spent: a retry after this call (throttled anyway, or failed) reserves a new slot.
  if (held !== 0 && held !== undefined) await record({ [key]: 0 });
  if (remaining > 0) {
    pacing.sleptMs += remaining;
    await sleep(remaining);
  }
  return undefined;
}
