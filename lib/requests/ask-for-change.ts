import { recordAuditEvent, type AuditAction } from "@/lib/audit/record-audit-event";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import type { Prisma, RequestStatus } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Asking for a change of an active exposure another admin then decides (a migration, a move): the request leaves
// `active` by compare-and-set, and the ask is audited in the same transaction (the decision reads who asked, and what).

export async function askForChange(
  tx: Tx,
  user: CurrentUser,
  requestId: string,
  ask: { to: RequestStatus; action: AuditAction; details: Prisma.InputJsonObject },
): Promise<void> {
  const { count } = await tx.exposureRequest.updateMany({
    where: { id: requestId, status: "active" },
    data: { status: ask.to },
  });
  if (count === 0) throw new AppError("CONFLICT", { key: "errors.requests.changedMeanwhile" });
  await recordAuditEvent(tx, {
    actor: { id: user.id, label: user.email },
    action: ask.action,
    targetType: "request",
    targetId: requestId,
    details: ask.details,
  });
}
