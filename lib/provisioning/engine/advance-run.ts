import { clockOf, type AdvanceDependencies } from "./engine-dependencies";
import { finishRun } from "./finish-run";
import { requestWithHub } from "./request-access";
import { claimStep, isRunnable } from "./run-store";
import { runStep } from "./run-step";
import { AppError } from "@/lib/errors";

// Moves a run forward: every step whose dependencies are done runs now (run-step.ts), independent ones in parallel.
// Returns when nothing more can happen now, with the time to look again.

/** `followUpRunId`: a run the ending one started (the rollback of a failed migration), to be queued too. */
export type AdvanceResult = { status: "succeeded" | "failed" | "waiting"; wakeAt?: Date; followUpRunId?: string };

export async function advanceRun(dependencies: AdvanceDependencies, runId: string): Promise<AdvanceResult> {
  const { db } = dependencies;
  const now = clockOf(dependencies);
  const leaseMs = dependencies.stepLeaseMs ?? 60_000;
  const run = await db.provisioningRun.findUnique({
    where: { id: runId },
    include: { request: { include: requestWithHub }, hub: { include: { account: true } } },
  });
  if (!run) throw new AppError("NOT_FOUND", { key: "errors.provisioning.runNotFound", values: { runId } });
  if (run.status === "succeeded" || run.status === "failed") return { status: run.status };
  await db.provisioningRun.updateMany({
    where: { id: runId, status: "queued" },
    data: { status: "running", startedAt: now() },
  });
  // Steps in flight in this call, by row ID: a step that finishes lets its dependents start at once, without waiting
  // for slower siblings (an API Gateway turn, a long poll) to finish too.
  const inFlight = new Map<string, Promise<void>>();
  // A step whose own bookkeeping failed (the database went away): the others finish their attempt, then it is thrown.
  let broken: { error: unknown } | undefined;
  for (;;) {
    if (broken && inFlight.size === 0) throw broken.error;
    const steps = await db.provisioningStep.findMany({ where: { runId } });
    const failed = steps.find((step) => step.status === "failed");
    if (failed && inFlight.size === 0) {
      return { status: "failed", ...(await finishRun(db, run, "failed", failed)) };
    }
    if (steps.every((step) => step.status === "succeeded")) {
      return { status: "succeeded", ...(await finishRun(db, run, "succeeded")) };
    }
    const runnable =
      failed || broken ? [] : steps.filter((step) => !inFlight.has(step.id) && isRunnable(step, steps, now()));
    const claims = await Promise.all(
      runnable.map((step) => claimStep(db, step, now(), new Date(now().getTime() + leaseMs))),
    );
    for (const step of claims) {
      if (!step) continue;
      // A move's run acts on its own hub (the target, or the hub a retire run takes down); every other on the request's.
      const request = run.hub ? { ...run.request, hub: run.hub } : run.request;
      const execution = runStep(dependencies, request, step, steps, run.kind)
        .catch((error: unknown) => void (broken ??= { error }))
        .finally(() => inFlight.delete(step.id));
      inFlight.set(step.id, execution);
    }
    const wakes = steps.flatMap((step) =>
      !inFlight.has(step.id) && (step.status === "waiting" || step.status === "running") && step.nextAttemptAt
        ? [step.nextAttemptAt.getTime()]
        : [],
    );
    const wakeAt = Math.max(now().getTime(), Math.min(...wakes, now().getTime() + 30_000));
    if (inFlight.size === 0) return { status: "waiting", wakeAt: new Date(wakeAt) };
    // Until a step in flight finishes, or a waiting one falls due.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ...inFlight.values(),
      new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, wakeAt - now().getTime())))),
    ]);
    clearTimeout(timer);
  }
}
