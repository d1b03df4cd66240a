import { planRelink } from "../plan/plan-relink";
import type { RelinkKind } from "../hops/hop";
import { createRunWithSteps } from "./run-store";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// A migration (after its approval) or a repair of an active chain: the request moves to `migrating` by
// compare-and-set, so a second call (double click, a second worker's sweep) gets the run already started.

const startsFrom = { migrate: "migration_pending", repair: "active" } as const;

/** Creates the run in `tx` (the request must already be `migrating`) and audits it. */
export async function createRelinkRun(
  tx: Tx,
  requestId: string,
  kind: RelinkKind,
  actor: AuditActor,
  details: Record<string, string> = {},
): Promise<string> {
  const runId = await createRunWithSteps(tx, requestId, kind, planRelink(kind));
  await recordAuditEvent(tx, {
    actor,
    action: "run.started",
    targetType: "request",
    targetId: requestId,
    details: { runId, kind, ...details },
  });
  return runId;
}

export async function startRelinkRun(db: Db, requestId: string, kind: RelinkKind, actor: AuditActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: startsFrom[kind] },
      data: { status: "migrating" },
    });
    if (count === 0) {
      const current = await tx.provisioningRun.findFirst({
        where: { requestId, kind, status: { in: ["queued", "running"] } },
      });
      if (current) return current.id;
      const request = await tx.exposureRequest.findUnique({ where: { id: requestId } });
      if (!request)
        throw new AppError("NOT_FOUND", { key: "errors.provisioning.requestNotFound", values: { requestId } });
      throw new AppError("CONFLICT", {
        key: "errors.provisioning.runNeedsStatus",
        values: { kind, from: startsFrom[kind].replaceAll("_", " "), status: request.status.replaceAll("_", " ") },
      });
    }
    return createRelinkRun(tx, requestId, kind, actor);
  });
}
