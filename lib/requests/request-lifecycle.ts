import { canActOnRequest, canViewRequest } from "./request-permissions";
import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RequestStatus } from "@/lib/generated/prisma/client";

// The team's own moves on a request: withdraw it while it waits for a decision, or ask for its decommission once it
// is active (which then waits for an admin like a new request). Compare-and-set on the status, audited in the same
// transaction.

async function moveRequest(
  db: Db,
  user: CurrentUser,
  requestId: string,
  move: { from: RequestStatus; to: RequestStatus; action: AuditAction; refusal: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await tx.exposureRequest.findUnique({ where: { id: requestId } });
    // Someone who may not see the request learns nothing of it, as on its page: 404, not 403.
    if (!request || !canViewRequest(user, request)) throw new AppError("NOT_FOUND", "This request does not exist.");
    if (!canActOnRequest(user, request))
      throw new AppError("FORBIDDEN", "Only requesters of the request's team may do this.");
    const { count } = await tx.exposureRequest.updateMany({
      where: { id: requestId, status: move.from },
      data: { status: move.to },
    });
    if (count === 0) throw new AppError("CONFLICT", `${move.refusal} It is ${request.status.replaceAll("_", " ")}.`);
    await recordAuditEvent(tx, {
      actor: { id: user.id, label: user.email },
      action: move.action,
      targetType: "request",
      targetId: requestId,
      details: { from: move.from, to: move.to },
    });
  });
}

export function withdrawRequest(db: Db, user: CurrentUser, requestId: string): Promise<void> {
  return moveRequest(db, user, requestId, {
    from: "pending_approval",
    to: "withdrawn",
    action: "request.withdrawn",
    refusal: "Only a request waiting for approval can be withdrawn.",
  });
}

export function requestDecommission(db: Db, user: CurrentUser, requestId: string): Promise<void> {
  return moveRequest(db, user, requestId, {
    from: "active",
    to: "decommission_pending",
    action: "request.decommission_requested",
    refusal: "Only an active exposure can be decommissioned.",
  });
}
