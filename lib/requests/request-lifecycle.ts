import { canActOnRequest, canViewRequest } from "./request-permissions";
import { isRolledBack } from "@/lib/provisioning/engine/rolled-back";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { MessageKey } from "@/lib/i18n/translatable";
import type { RequestStatus } from "@/lib/generated/prisma/client";

// The team's own moves on a request: withdraw it while it waits for a decision or after its failed run was rolled
// back, or ask for its decommission once it is active (which then waits for an admin like a new request).
// Compare-and-set on the status, audited in the same transaction.

type Move = { from: RequestStatus[]; to: RequestStatus; action: AuditAction; refusal: MessageKey };

async function moveRequest(db: Db, user: CurrentUser, requestId: string, move: Move): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId } });
    // Someone who may not see the request learns nothing of it, as on its page: 404, not 403.
    if (!request || !canViewRequest(user, request))
      throw new AppError("NOT_FOUND", { key: "errors.requests.notFound" });
    if (!canActOnRequest(user, request)) throw new AppError("FORBIDDEN", { key: "errors.requests.onlyTeamRequesters" });
    // Approved counts only after a rollback: an approval about to start its first run is not the team's to undo.
    const approvedNotRolledBack = request.status === "approved" && !(await isRolledBack(tx, requestId));
    const from = approvedNotRolledBack ? move.from.filter((status) => status !== "approved") : move.from;
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: { in: from } },
      data: { status: move.to },
    });
    if (count === 0)
      throw new AppError("CONFLICT", { key: move.refusal, values: { status: request.status.replaceAll("_", " ") } });
    await recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: move.action,
      targetType: "request",
      targetId: requestId,
      details: { from: request.status, to: move.to },
    });
  });
}

/** Withdraw a request that waits for approval, or one whose failed run was rolled back (nothing of it is in AWS). */
export function withdrawRequest(db: Db, user: CurrentUser, requestId: string): Promise<void> {
  return moveRequest(db, user, requestId, {
    from: ["pending_approval", "approved"],
    to: "withdrawn",
    action: "request.withdrawn",
    refusal: "errors.requests.cannotWithdraw",
  });
}

export function requestDecommission(db: Db, user: CurrentUser, requestId: string): Promise<void> {
  return moveRequest(db, user, requestId, {
    from: ["active"],
    to: "decommission_pending",
    action: "request.decommission_requested",
    refusal: "errors.requests.cannotDecommission",
  });
}
