import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import { createRelinkRun } from "./start-relink-run";
import type { Db, Tx } from "@/lib/db/client";
import type { ProvisioningRun, ProvisioningStep, RequestStatus, RunKind } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";

// A run that ended: the run, its request's status, the resources a teardown removed, the audit event and the
// notification, in one transaction and once (compare-and-set on the run's status).

const outcomeStatus: Record<RunKind, Record<"succeeded" | "failed", RequestStatus>> = {
  provision: { succeeded: "active", failed: "failed" },
  // Rolled back: nothing of the chain is left, the approval still stands, and provisioning may start again.
  rollback: { succeeded: "approved", failed: "failed" },
  decommission: { succeeded: "decommissioned", failed: "failed" },
  // A failed migration stays `migrating` while its rollback (a repair back to the V1 link) runs.
  migrate: { succeeded: "active", failed: "migrating" },
  // A failed repair leaves the chain as it was: verify shows what is broken.
  repair: { succeeded: "active", failed: "active" },
};

/** A failed migration is rolled back by a repair run, which puts the integrations back on the chain's V1 link. */
async function rollBackMigration(tx: Tx, run: ProvisioningRun): Promise<string> {
  // The migration may be asked for (and decided) again; the audit log keeps this decision.
  await tx.approval.deleteMany({ where: { requestId: run.requestId, kind: "migration" } });
  return createRelinkRun(tx, run.requestId, "repair", systemActor, { rollbackOf: run.id });
}

/** What a successful run took away: everything (rollback, decommission), or the V1 link a migration retired. */
async function markDeleted(tx: Tx, run: ProvisioningRun): Promise<void> {
  if (run.kind === "rollback" || run.kind === "decommission") {
    await tx.provisionedResource.updateMany({
      where: { requestId: run.requestId, deletedAt: null },
      data: { deletedAt: new Date() },
    });
  }
  if (run.kind === "migrate") {
    const retire = await tx.provisioningStep.findFirst({ where: { runId: run.id, stepId: "vpcLink.retire" } });
    const retired = (retire?.outputs as { retiredVpcLinkId?: string } | undefined)?.retiredVpcLinkId;
    if (retired)
      await tx.provisionedResource.updateMany({
        where: { requestId: run.requestId, identifier: retired, deletedAt: null },
        data: { deletedAt: new Date() },
      });
  }
}

export async function finishRun(
  db: Db,
  run: ProvisioningRun,
  outcome: "succeeded" | "failed",
  failedStep?: ProvisioningStep,
): Promise<{ followUpRunId?: string }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.provisioningRun.updateMany({
      where: { id: run.id, status: { in: ["queued", "running"] } },
      data: { status: outcome, finishedAt: new Date(), ...(failedStep?.error ? { error: failedStep.error } : {}) },
    });
    if (count === 0) return {};
    const request = await tx.exposureRequest.update({
      where: { id: run.requestId },
      data: { status: outcomeStatus[run.kind][outcome] },
    });
    if (outcome === "succeeded") await markDeleted(tx, run);
    const followUpRunId = run.kind === "migrate" && outcome === "failed" ? await rollBackMigration(tx, run) : undefined;
    await recordAuditEvent(tx, {
      actor: systemActor,
      action: outcome === "succeeded" ? "run.succeeded" : "run.failed",
      targetType: "request",
      targetId: run.requestId,
      details: {
        runId: run.id,
        kind: run.kind,
        ...(failedStep ? { hop: failedStep.stepId, error: failedStep.error } : {}),
      },
    });
    const relink = run.kind === "migrate" || run.kind === "repair";
    const event =
      outcome === "failed" && !relink
        ? "request.failed"
        : run.kind === "provision"
          ? "request.active"
          : run.kind === "decommission"
            ? "request.decommissioned"
            : undefined;
    if (event)
      await notify(tx, event, request, {
        actor: "gatehouse",
        error: failedStep ? `${failedStep.stepId}: ${JSON.stringify(failedStep.error)}` : undefined,
      });
    return { followUpRunId };
  });
}
