import type { StepId } from "./chain-steps";
import type { PlannedStep } from "./plan-chain";
import type { StepOutputs } from "./step-runtime";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma, ProvisioningStep } from "@/lib/generated/prisma/client";

// The durable state of a run. Our tables are the truth; every status change is compare-and-set, so two workers, a
// restarted worker or a repeated job can never run a step twice at once.

/** A step left `running` longer than this belongs to a worker that died; another worker may take it over. */
export const stepLeaseMs = 120_000;

export async function createRunWithSteps(tx: Tx, requestId: string, plan: readonly PlannedStep[]): Promise<string> {
  const run = await tx.provisioningRun.create({ data: { requestId, kind: "provision", status: "queued" } });
  await tx.provisioningStep.createMany({ data: plan.map((step) => ({ runId: run.id, stepId: step.id, dependsOn: step.dependsOn })) });
  return run.id;
}

export function isRunnable(step: ProvisioningStep, all: readonly ProvisioningStep[], now: Date): boolean {
  const dependenciesDone = step.dependsOn.every((dependency) => all.find((candidate) => candidate.stepId === dependency)?.status === "succeeded");
  if (!dependenciesDone) return false;
  if (step.status === "pending") return true;
  if (step.status === "waiting") return !step.nextAttemptAt || step.nextAttemptAt <= now;
  return step.status === "running" && step.startedAt !== null && now.getTime() - step.startedAt.getTime() > stepLeaseMs;
}

/** Takes a step for this worker if nobody changed it since it was read. */
export async function claimStep(db: Db, step: ProvisioningStep, now: Date): Promise<boolean> {
  const { count } = await db.provisioningStep.updateMany({
    where: { id: step.id, status: step.status, attempts: step.attempts },
    data: { status: "running", attempts: { increment: 1 }, startedAt: now, nextAttemptAt: null },
  });
  return count === 1;
}

function merged(step: ProvisioningStep, outputs: StepOutputs | undefined): Prisma.InputJsonObject {
  return { ...(step.outputs as Prisma.JsonObject), ...(outputs ?? {}) };
}

export async function recordOutputs(db: Db, stepRowId: string, outputs: StepOutputs): Promise<void> {
  await db.$transaction(async (tx) => {
    const step = await tx.provisioningStep.findUniqueOrThrow({ where: { id: stepRowId } });
    await tx.provisioningStep.update({ where: { id: stepRowId }, data: { outputs: merged(step, outputs) } });
  });
}

export async function finishStep(db: Db, step: ProvisioningStep, outputs: StepOutputs | undefined, now: Date): Promise<void> {
  const current = await db.provisioningStep.findUniqueOrThrow({ where: { id: step.id } });
  await db.provisioningStep.updateMany({ where: { id: step.id, status: "running" }, data: { status: "succeeded", outputs: merged(current, outputs), finishedAt: now, error: undefined } });
}

export async function deferStep(db: Db, step: ProvisioningStep, until: Date, reason: string): Promise<void> {
  await db.provisioningStep.updateMany({ where: { id: step.id, status: "running" }, data: { status: "waiting", nextAttemptAt: until, error: { waitingFor: reason } } });
}

export type StepFailure = { hop: StepId; message: string; awsError?: string; fix: string };

export async function failStep(db: Db, step: ProvisioningStep, failure: StepFailure, now: Date): Promise<void> {
  await db.provisioningStep.updateMany({ where: { id: step.id, status: "running" }, data: { status: "failed", error: failure, finishedAt: now } });
}
