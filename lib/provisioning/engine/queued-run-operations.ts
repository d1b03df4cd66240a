import { retryFailedRun, startTeardown } from "./run-operations";
import { startProvisioningRun } from "./start-provisioning-run";
import { startRelinkRun } from "./start-relink-run";
import { startMoveRun } from "./start-move-run";
import type { AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

// The one place a run is handed to the workers: every way a run starts (approval, re-run, retry, rollback, decommission) goes
// through here, with the queue its caller passes in (the pg-boss job in the web app, a list in tests, nothing for the
// CLI, which runs the run itself).

export type RunQueueDependencies = { db: Db; queueRunAdvance: (runId: string) => Promise<void> };

async function queued(dependencies: RunQueueDependencies, start: Promise<string>): Promise<string> {
  const runId = await start;
  await dependencies.queueRunAdvance(runId);
  return runId;
}

/** Start the provisioning run of an approved request, and queue it. */
export function provisionAndQueue(dependencies: RunQueueDependencies, requestId: string): Promise<string> {
  return queued(dependencies, startProvisioningRun(dependencies.db, requestId));
}

/** Run a request again after its failed run was rolled back: a new provision run, queued. */
export function rerunAndQueue(
  dependencies: RunQueueDependencies,
  requestId: string,
  actor: AuditActor,
): Promise<string> {
  return queued(dependencies, startProvisioningRun(dependencies.db, requestId, actor));
}

/** Retry a failed run from the failed step, and queue it. */
export function retryAndQueue(
  dependencies: RunQueueDependencies,
  requestId: string,
  actor: AuditActor,
): Promise<string> {
  return queued(dependencies, retryFailedRun(dependencies.db, requestId, actor));
}

/** Roll back a failed run, or decommission an active chain, and queue the teardown. */
export function tearDownAndQueue(
  dependencies: RunQueueDependencies,
  requestId: string,
  kind: "rollback" | "decommission",
  actor: AuditActor,
): Promise<string> {
  return queued(dependencies, startTeardown(dependencies.db, requestId, kind, actor));
}

/** Start the move of an approved request's chain to another hub of its region, and queue it. */
export function moveAndQueue(
  dependencies: RunQueueDependencies,
  requestId: string,
  hubId: string,
  actor: AuditActor,
): Promise<string> {
  return queued(dependencies, startMoveRun(dependencies.db, requestId, hubId, actor));
}

/** Start the migration V1 → V2 of an approved request's active chain, and queue it. */
export function migrateAndQueue(
  dependencies: RunQueueDependencies,
  requestId: string,
  actor: AuditActor,
): Promise<string> {
  return queued(dependencies, startRelinkRun(dependencies.db, requestId, "migrate", actor));
}
