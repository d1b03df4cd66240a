import { requestWithHub } from "./request-access";
import { createRunWithSteps } from "./run-store";
import { exposureOf, hubOf } from "../plan/exposure";
import { planChain } from "../plan/plan-chain";
import { isRolledBack } from "./rolled-back";
import { recordAuditEvent, systemActor, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Starts the one provisioning run of an approved request; a second call (double click, second worker) gets the same
 * run. `rerunBy` starts a new run after the failed one was rolled back, audited as that person's re-run.
 */
export async function startProvisioningRun(db: Db, requestId: string, rerunBy?: AuditActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId }, include: requestWithHub });
    if (!request)
      throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
    if (rerunBy && request.status === "approved" && !(await isRolledBack(tx, requestId)))
      throw new AppError("CONFLICT", { key: "errors.provisioning.rerunOnlyRolledBack" });
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: "approved" },
      data: { status: "provisioning" },
    });
    if (count === 0) {
      // Lost the race (or called twice): read again, past the other transaction's commit.
      const now = await tx.exposureRequest.findUniqueOrThrow({
        where: { id: requestId },
        include: { runs: { where: { kind: "provision" }, orderBy: { createdAt: "desc" }, take: 1 } },
      });
      const current = now.runs[0];
      if (current && now.status === "provisioning") return current.id;
      throw new AppError("CONFLICT", {
        key: "errors.provisioning.notApproved",
        values: { requestId, status: now.status },
      });
    }
    const runId = await createRunWithSteps(
      tx,
      requestId,
      "provision",
      planChain(exposureOf(request), hubOf(request.hub)),
    );
    if (rerunBy)
      await recordAuditEvent(tx, {
        actor: rerunBy,
        action: "request.rerun",
        targetType: "request",
        targetId: requestId,
        details: { runId, after: "rollback" },
      });
    await recordAuditEvent(tx, {
      actor: rerunBy ?? systemActor,
      action: "run.started",
      targetType: "request",
      targetId: requestId,
      details: { runId, kind: "provision" },
    });
    return runId;
  });
}
