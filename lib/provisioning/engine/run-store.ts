import type { RelinkStepId, StepId, TeardownStepId } from "../hops/registry";
import { withAttempt, type AttemptRecord } from "./attempt-log";
import type { StepOutputs } from "./step-runtime";
import type { StoredFix } from "./stored-fix";
import type { Db, Tx } from "@/lib/db/client";
import type { ProvisioningStep, RunKind } from "@/lib/generated/prisma/client";

// The durable state of a run. Our tables are the truth; every status change is compare-and-set, so two workers, a
// restarted worker or a repeated job can never run a step twice at once.

export async function createRunWithSteps(
  tx: Tx,
  requestId: string,
  kind: RunKind,
  plan: readonly { id: string; dependsOn: readonly string[] }[],
  /** The hub the run acts on when it is not the request's (a move's target, the hub a retire run takes down). */
  hubId?: string,
): Promise<string> {
  const run = await tx.provisioningRun.create({ data: { requestId, kind, status: "queued", hubId: hubId ?? null } });
  await tx.provisioningStep.createMany({
    data: plan.map((step) => ({ runId: run.id, stepId: step.id, dependsOn: [...step.dependsOn] })),
  });
  return run.id;
}

export function isRunnable(step: ProvisioningStep, all: readonly ProvisioningStep[], now: Date): boolean {
  const dependenciesDone = step.dependsOn.every(
    (dependency) => all.find((candidate) => candidate.stepId === dependency)?.status === "succeeded",
  );
  if (!dependenciesDone) return false;
  if (step.status === "pending") return true;
  if (step.status === "waiting") return !step.nextAttemptAt || step.nextAttemptAt <= now;
  // A running step's nextAttemptAt is its lease: past it, the worker holding it is presumed dead.
  return step.status === "running" && step.nextAttemptAt !== null && step.nextAttemptAt <= now;
}

/**
 * Takes a step for this worker, leased until `leaseUntil`, if nobody changed it since it was read. Returns the step as
 * claimed, outputs included: a worker taking over from one whose lease ran out must see what that one recorded.
 */
export async function claimStep(
  db: Db,
  step: ProvisioningStep,
  now: Date,
  leaseUntil: Date,
): Promise<ProvisioningStep | undefined> {
  const [claimed] = await db.provisioningStep.updateManyAndReturn({
    where: { id: step.id, status: step.status, attempts: step.attempts },
    data: { status: "running", attempts: { increment: 1 }, startedAt: now, nextAttemptAt: leaseUntil },
  });
  return claimed;
}

// Merged in the database (jsonb ||), in one statement: outputs are recorded several times per step, by many runs at once.
export async function recordOutputs(db: Db, stepRowId: string, outputs: StepOutputs): Promise<void> {
  await db.$executeRaw`UPDATE "ProvisioningStep" SET "outputs" = "outputs" || ${JSON.stringify(outputs)}::jsonb WHERE "id" = ${stepRowId}`;
}

// Every write below is conditional on the claim this worker holds (status running, same attempt): a worker whose
// lease ran out and whose step was taken over cannot overwrite the newer attempt. Each also appends the attempt that
// ends with it to the step's attempt log.
const heldBy = (step: ProvisioningStep) => ({ id: step.id, status: "running" as const, attempts: step.attempts });

export async function finishStep(
  db: Db,
  step: ProvisioningStep,
  outputs: StepOutputs | undefined,
  now: Date,
  attempt: AttemptRecord,
): Promise<void> {
  await db.$executeRaw`
    UPDATE "ProvisioningStep"
    SET "status" = 'succeeded', "outputs" = "outputs" || ${JSON.stringify(outputs ?? {})}::jsonb, "finishedAt" = ${now}::timestamp, "nextAttemptAt" = NULL, "error" = NULL,
        "attemptLog" = ${JSON.stringify(withAttempt(step, attempt))}::jsonb
    WHERE "id" = ${step.id} AND "status" = 'running' AND "attempts" = ${step.attempts}`;
}

/** Why a step is waiting, since when (epoch ms), and how many times in a row it waited on AWS (`waits`) or failed transiently. */
export type WaitState = { waitingFor: string; waits: number; waitingSince?: number; transientFailures: number };

export async function deferStep(
  db: Db,
  step: ProvisioningStep,
  until: Date,
  state: WaitState,
  attempt: AttemptRecord,
): Promise<void> {
  await db.provisioningStep.updateMany({
    where: heldBy(step),
    data: { status: "waiting", nextAttemptAt: until, error: state, attemptLog: withAttempt(step, attempt) },
  });
}

export function waitStateOf(step: ProvisioningStep): WaitState {
  const error = step.error as Partial<WaitState> | null;
  return {
    waitingFor: error?.waitingFor ?? "",
    waits: error?.waits ?? 0,
    waitingSince: error?.waitingSince,
    transientFailures: error?.transientFailures ?? 0,
  };
}

/** A failed step's error JSON: the message as AWS (or Gatehouse) wrote it, and the fix in English and as a key. */
export type StepFailure = StoredFix & {
  hop: StepId | TeardownStepId | RelinkStepId;
  message: string;
  awsError?: string;
};

export async function failStep(
  db: Db,
  step: ProvisioningStep,
  failure: StepFailure,
  now: Date,
  attempt: AttemptRecord,
): Promise<void> {
  await db.provisioningStep.updateMany({
    where: heldBy(step),
    data: {
      status: "failed",
      error: failure,
      finishedAt: now,
      nextAttemptAt: null,
      attemptLog: withAttempt(step, attempt),
    },
  });
}
