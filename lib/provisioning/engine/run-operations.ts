import { chainHopOf } from "../hops/registry";
import { exposureOf } from "../plan/exposure";
import { planTeardown } from "../plan/plan-teardown";
import { createRunWithSteps } from "./run-store";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

// What an admin (or the decommission approval) does to a run after the fact. Each is one transaction with its audit
// event, and each is safe to call twice: the state checks are compare-and-set.

/** Retry from the failed step: the failed steps go back to pending, everything that succeeded stays done. */
export async function retryFailedRun(db: Db, requestId: string, actor: AuditActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const run = await tx.provisioningRun.findFirst({
      where: { requestId, kind: "provision" },
      orderBy: { createdAt: "desc" },
    });
    if (!run || run.status !== "failed") throw new AppError("CONFLICT", { key: "errors.provisioning.retryOnlyFailed" });
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: "failed" },
      data: { status: "provisioning" },
    });
    if (count === 0) throw new AppError("CONFLICT", { key: "errors.provisioning.notFailedAnyMore" });
    const failed = await tx.provisioningStep.findMany({ where: { runId: run.id, status: "failed" } });
    // A hop that waits on a resource AWS put in a state it never leaves (a FAILED VPC link) names the hop to retry from.
    const again = failed.flatMap((step) => chainHopOf(step.stepId)?.retryFrom?.id ?? []);
    await tx.provisioningStep.updateMany({
      where: { runId: run.id, OR: [{ status: "failed" }, { stepId: { in: again } }] },
      data: { status: "pending", error: Prisma.DbNull, finishedAt: null, nextAttemptAt: null },
    });
    await tx.provisioningRun.update({
      where: { id: run.id },
      data: { status: "queued", finishedAt: null, error: Prisma.DbNull },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "run.retried",
      targetType: "request",
      targetId: requestId,
      details: { runId: run.id, steps: [...again, ...failed.map((step) => step.stepId)] },
    });
    return run.id;
  });
}

const teardownFrom = {
  // A failed run, or one an admin gave up on: whatever it created goes.
  rollback: ["failed"],
  decommission: ["decommission_pending", "active"],
} as const;

/** Rollback of a failed run, or decommission of an active chain: deletes, in reverse, what the request created. */
export async function startTeardown(
  db: Db,
  requestId: string,
  kind: "rollback" | "decommission",
  actor: AuditActor,
): Promise<string> {
  return db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: { hub: true } });
    if (!request)
      throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: { in: [...teardownFrom[kind]] } },
      data: { status: "decommissioning" },
    });
    if (count === 0) {
      const current = await tx.provisioningRun.findFirst({
        where: { requestId, kind, status: { in: ["queued", "running"] } },
      });
      if (current) return current.id;
      throw new AppError("CONFLICT", {
        key: "errors.provisioning.runNeedsStatus",
        values: { kind, from: teardownFrom[kind].join(" or "), status: request.status },
      });
    }
    // The consumer endpoints belong to the chain's REST API, which the teardown deletes: a later chain starts without.
    await tx.consumerEndpoints.deleteMany({ where: { requestId } });
    const scenario = exposureOf(request).source.kind;
    const runId = await createRunWithSteps(tx, requestId, kind, planTeardown(scenario, request.hub.linkMode));
    await recordAuditEvent(tx, {
      actor,
      action: "run.started",
      targetType: "request",
      targetId: requestId,
      details: { runId, kind },
    });
    return runId;
  });
}
