import { recordAuditEvent, systemActor } from "@/lib/audit/record-audit-event";
import { createRelinkRun } from "./start-relink-run";
import { createRetireRun } from "./start-move-run";
import type { Db, Tx } from "@/lib/db/client";
import {
  Prisma,
  type ProvisioningRun,
  type ProvisioningStep,
  type RequestStatus,
  type RunKind,
} from "@/lib/generated/prisma/client";
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
  // A move, either way, is followed by a retire run (of the old hub, or of what it built on the target).
  move: { succeeded: "moving", failed: "moving" },
  // The exposure answers on its hub either way; a failed retire shows what is left on the other hub, to retry.
  retire: { succeeded: "active", failed: "active" },
};

/**
 * After a move: success switches the request to the target hub and retires the old hub's platform side; failure
 * retires what was built on the target (the old chain kept serving) and lets the move be asked for again.
 */
async function followUpMove(tx: Tx, run: ProvisioningRun, outcome: "succeeded" | "failed"): Promise<string> {
  const target = run.hubId ?? "";
  if (outcome === "failed") {
    await tx.approval.deleteMany({ where: { requestId: run.requestId, kind: "move" } });
    return createRetireRun(tx, run.requestId, target, { rollbackOf: run.id });
  }
  const { hubId: oldHubId } = await tx.exposureRequest.findUniqueOrThrow({ where: { id: run.requestId } });
  await tx.exposureRequest.update({ where: { id: run.requestId }, data: { hubId: target } });
  // The new REST API allows only its hub's endpoint so far: the consumer endpoints sweep applies the team's list to it
  // once the request is active again (consumer-endpoint-jobs.ts).
  await tx.consumerEndpoints.updateMany({
    where: { requestId: run.requestId },
    data: { deployPending: true, lastError: Prisma.DbNull },
  });
  return createRetireRun(tx, run.requestId, oldHubId, { movedBy: run.id });
}

/** A failed migration is rolled back by a repair run, which puts the integrations back on the chain's V1 link. */
async function rollBackMigration(tx: Tx, run: ProvisioningRun): Promise<string> {
  // The migration may be asked for (and decided) again; the audit log keeps this decision.
  await tx.approval.deleteMany({ where: { requestId: run.requestId, kind: "migration" } });
  return createRelinkRun(tx, run.requestId, "repair", systemActor, { rollbackOf: run.id });
}

/**
 * What a successful run took away: everything (rollback, decommission), the V1 link a migration retired, or a retired
 * hub's platform side.
 */
async function markDeleted(tx: Tx, run: ProvisioningRun): Promise<void> {
  if (run.kind === "retire" && run.hubId) {
    const hub = await tx.platformHub.findUniqueOrThrow({ where: { id: run.hubId }, include: { account: true } });
    await tx.provisionedResource.updateMany({
      where: { requestId: run.requestId, accountId: hub.account.accountId, region: hub.region, deletedAt: null },
      data: { deletedAt: new Date() },
    });
  }
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
    const followUpRunId =
      run.kind === "migrate" && outcome === "failed"
        ? await rollBackMigration(tx, run)
        : run.kind === "move"
          ? await followUpMove(tx, run, outcome)
          : undefined;
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
    const relink = run.kind === "migrate" || run.kind === "repair" || run.kind === "move" || run.kind === "retire";
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
