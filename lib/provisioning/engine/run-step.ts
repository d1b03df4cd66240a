import type { AttemptOutcome, AttemptRecord } from "./attempt-log";
import { backoffMs, pollDelayMs } from "./backoff";
import { clockOf, type AdvanceDependencies } from "./engine-dependencies";
import type { RequestWithHub } from "./request-access";
import { deferStep, failStep, finishStep, waitStateOf } from "./run-store";
import { stepContext } from "./step-context";
import { storedFix } from "./stored-fix";
import { fixFor, isEventualConsistencyMiss, isTransient, PermanentStepError } from "./step-runtime";
import { hopOf, type RelinkStepId, type StepId, type TeardownStepId } from "../hops/registry";
import type { ProvisioningStep, RunKind } from "@/lib/generated/prisma/client";

// One attempt of one step: its hop runs, and the outcome goes to the run store. A step that waits on AWS is
// rescheduled, not slept on; a transient error is retried with jittered backoff; a permanent one fails the step with
// the hop, the AWS error and the fix. Every attempt is logged on the step with how it ended (attempt-log.ts).

export async function runStep(
  dependencies: AdvanceDependencies,
  request: RequestWithHub,
  step: ProvisioningStep,
  all: ProvisioningStep[],
  runKind: RunKind,
): Promise<void> {
  const { db } = dependencies;
  const now = clockOf(dependencies);
  const stepId = step.stepId as StepId | TeardownStepId | RelinkStepId;
  const scale = dependencies.timeScale ?? 1;
  const pacing = { sleptMs: 0 };
  const start = step.startedAt?.getTime() ?? now().getTime();
  // An attempt that ends the step ends at the step's finishedAt, to the millisecond.
  const attempt = (outcome: AttemptOutcome, reason?: string, end = now()): AttemptRecord => ({
    start,
    end: end.getTime(),
    outcome,
    ...(reason ? { reason } : {}),
    ...(pacing.sleptMs > 0 ? { slotMs: Math.round(pacing.sleptMs) } : {}),
  });
  try {
    const outcome = await hopOf(stepId).run(await stepContext(dependencies, request, step, all, runKind, pacing));
    const { waits, waitingSince } = waitStateOf(step);
    const maxWaitMs = dependencies.maxWaitMs ?? 30 * 60_000;
    if (outcome.kind === "done") {
      const finishedAt = now();
      await finishStep(db, step, outcome.outputs, finishedAt, attempt("done", undefined, finishedAt));
    } else if (outcome.at)
      await deferStep(
        db,
        step,
        new Date(outcome.at),
        { waitingFor: outcome.reason, waits, waitingSince, transientFailures: 0 },
        attempt(outcome.waitingOn === "call-slot" ? "slot" : "aws", outcome.reason),
      );
    else if (now().getTime() - (waitingSince ?? now().getTime()) > maxWaitMs / scale) {
      const limit = maxWaitMs >= 60_000 ? `${Math.round(maxWaitMs / 60_000)} min` : `${Math.round(maxWaitMs / 1000)} s`;
      const message = `Still waiting after ${limit}: ${outcome.reason}`;
      const failedAt = now();
      await failStep(
        db,
        step,
        { hop: stepId, message, ...storedFix({ key: "failures.fix.stillWaiting" }) },
        failedAt,
        attempt("failed", message, failedAt),
      );
    } else {
      const until = now().getTime() + pollDelayMs(outcome.retryAfterMs, waits) / scale;
      await deferStep(
        db,
        step,
        new Date(until),
        {
          waitingFor: outcome.reason,
          waits: waits + 1,
          waitingSince: waitingSince ?? now().getTime(),
          transientFailures: 0,
        },
        attempt("aws", outcome.reason),
      );
    }
  } catch (error) {
    const awsError =
      error instanceof PermanentStepError ? error.awsError : error instanceof Error ? error.name : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const previous = waitStateOf(step);
    const failures = previous.transientFailures + 1;
    const retriable = isTransient(error) || (isEventualConsistencyMiss(error) && failures <= 5);
    if (retriable && failures < (dependencies.maxTransientFailures ?? 10)) {
      const waitingFor = `${awsError ?? "error"}: ${message}`;
      await deferStep(
        db,
        step,
        new Date(now().getTime() + backoffMs(failures) / scale),
        { ...previous, waitingFor, transientFailures: failures },
        attempt("retry", waitingFor),
      );
      return;
    }
    const failure = { hop: stepId, message, awsError, ...storedFix(fixFor(error)) };
    const failedAt = now();
    await failStep(db, step, failure, failedAt, attempt("failed", message, failedAt));
  }
}
