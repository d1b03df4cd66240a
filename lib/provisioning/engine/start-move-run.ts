import { createRunWithSteps } from "./run-store";
import { exposureOf, hubOf } from "../plan/exposure";
import { planChain } from "../plan/plan-chain";
import { planTeardown } from "../plan/plan-teardown";
import { recordAuditEvent, systemActor, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// A move to another hub of the region, after its approval, in two runs: `move` builds the whole chain on the target
// hub (the run's hubId) while the old one keeps serving; `retire` then takes down one hub's platform side — the old
// hub's after the switch, or what was built on the target after a failure (finish-run.ts). The application side
// (scenario A's endpoint service) is shared: the move allows the target's platform account on it and retire keeps it.
// The request moves to `moving` by compare-and-set, so a second call gets the run already started.

export async function startMoveRun(db: Db, requestId: string, hubId: string, actor: AuditActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: "move_pending" },
      data: { status: "moving" },
    });
    if (count === 0) {
      const current = await tx.provisioningRun.findFirst({
        where: { requestId, kind: { in: ["move", "retire"] }, status: { in: ["queued", "running"] } },
      });
      if (current) return current.id;
      const request = await tx.exposureRequest.findUnique({ where: { id: requestId } });
      if (!request)
        throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
      throw new AppError("CONFLICT", {
        key: "errors.provisioning.runNeedsStatus",
        values: { kind: "move", from: "move pending", status: request.status.replaceAll("_", " ") },
      });
    }
    const request = await tx.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
    const target = await tx.platformHub.findUniqueOrThrow({ where: { id: hubId }, include: { account: true } });
    const runId = await createRunWithSteps(tx, requestId, "move", planChain(exposureOf(request), hubOf(target)), hubId);
    await recordAuditEvent(tx, {
      actor,
      action: "run.started",
      targetType: "request",
      targetId: requestId,
      details: { runId, kind: "move", fromHubId: request.hubId, toHubId: hubId },
    });
    return runId;
  });
}

/** The run that takes down `hubId`'s platform side of the request's chain; the shared application side stays. */
export async function createRetireRun(
  tx: Tx,
  requestId: string,
  hubId: string,
  details: Record<string, string>,
): Promise<string> {
  const request = await tx.exposureRequest.findUniqueOrThrow({ where: { id: requestId } });
  const hub = await tx.platformHub.findUniqueOrThrow({ where: { id: hubId } });
  const plan = planTeardown(exposureOf(request).source.kind, hub.linkMode).filter(
    (step) => step.id !== "endpointService.delete",
  );
  const runId = await createRunWithSteps(tx, requestId, "retire", plan, hubId);
  await recordAuditEvent(tx, {
    actor: systemActor,
    action: "run.started",
    targetType: "request",
    targetId: requestId,
    details: { runId, kind: "retire", hubId, ...details },
  });
  return runId;
}
