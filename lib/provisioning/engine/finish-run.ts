import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { ProvisioningRun, ProvisioningStep, RequestStatus, RunKind } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";

// A run that ended: the run, its request's status, the resources a teardown removed, the audit event and the
// notification, in one transaction and once (compare-and-set on the run's status).

const outcomeStatus: Record<RunKind, Record<"succeeded" | "failed", RequestStatus>> = {
  provision: { succeeded: "active", failed: "failed" },
  // Rolled back: nothing of the chain is left, the approval still stands, and provisioning may start again.
  rollback: { succeeded: "approved", failed: "failed" },
  decommission: { succeeded: "decommissioned", failed: "failed" },
};

export async function finishRun(
  db: Db,
  run: ProvisioningRun,
  outcome: "succeeded" | "failed",
  failedStep?: ProvisioningStep,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.provisioningRun.updateMany({
      where: { id: run.id, status: { in: ["queued", "running"] } },
      data: { status: outcome, finishedAt: new Date(), ...(failedStep?.error ? { error: failedStep.error } : {}) },
    });
    if (count === 0) return;
    const request = await tx.exposureRequest.update({
      where: { id: run.requestId },
      data: { status: outcomeStatus[run.kind][outcome] },
    });
    if (run.kind !== "provision" && outcome === "succeeded") {
      await tx.provisionedResource.updateMany({
        where: { requestId: run.requestId, deletedAt: null },
        data: { deletedAt: new Date() },
      });
    }
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
    const event =
      outcome === "failed"
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
  });
}
