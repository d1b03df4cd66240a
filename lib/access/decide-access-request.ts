import { z } from "zod";
import { approvalsStillNeeded, refusalToDecide } from "./access-rules";
import { recordGrantChange } from "./record-grant-change";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AccessGrant } from "@/lib/generated/prisma/client";

// The owning team's decision on an access request (or a platform admin's). Approval takes effect once every approval
// the grant needs is in (approvalsStillNeeded); it then counts among the exposure's allowed endpoints and the caller
// queues the reconcile that writes the resource policy and redeploys. Rejecting closes the request at once.

export const accessDecisionSchema = z.object({
  decision: z.enum(["approved", "rejected"]),
  comment: z.string().trim().max(1000, "validation.access.commentTooLong").optional(),
});

export type AccessDecisionOutcome = { grant: AccessGrant; stillNeeded: ReturnType<typeof approvalsStillNeeded> };

export async function decideAccessRequest(
  db: Db,
  user: CurrentUser,
  grantId: string,
  input: z.infer<typeof accessDecisionSchema>,
): Promise<AccessDecisionOutcome> {
  return db.$transaction(async (tx) => {
    const found = await tx.accessGrant.findUnique({ where: { id: grantId }, include: { request: true } });
    if (!found) throw new AppError("NOT_FOUND", { key: "errors.access.requestNotFound", values: { grantId } });
    const { request: exposure, ...pending } = found;
    const refusal = refusalToDecide(user, pending, exposure.teamId);
    if (refusal) throw new AppError("FORBIDDEN", refusal);
    if (pending.status !== "pending")
      throw new AppError("CONFLICT", { key: "errors.access.alreadyDecided", values: { status: pending.status } });
    if (exposure.status !== "active")
      throw new AppError("CONFLICT", { key: "errors.access.exposureNotActive", values: { status: exposure.status } });
    const actor = { id: user.id, label: user.email };
    const now = new Date();
    if (input.decision === "rejected") {
      const grant = await closePending(tx, pending, {
        status: "rejected",
        closedById: user.id,
        closedByLabel: user.email,
        closedAt: now,
      });
      await recordGrantChange(tx, { event: "rejected", grant, exposure, actor, comment: input.comment });
      return { grant, stillNeeded: [] };
    }
    const approvals = isPlatformAdmin(user)
      ? { adminApprovedById: user.id, adminApprovedByLabel: user.email }
      : { ownerApprovedById: user.id, ownerApprovedByLabel: user.email };
    const stillNeeded = approvalsStillNeeded({ ...pending, ...approvals });
    const complete = stillNeeded.length === 0;
    const grant = await closePending(tx, pending, {
      ...approvals,
      ...(complete ? { status: "approved", approvedAt: now } : {}),
    });
    if (complete) await recordGrantChange(tx, { event: "approved", grant, exposure, actor, comment: input.comment });
    return { grant, stillNeeded };
  });
}

/** Compare-and-set on the status: of two people deciding at once, the second is told it was decided meanwhile. */
async function closePending(tx: Tx, grant: AccessGrant, data: object) {
  const { count } = await tx.accessGrant.updateMany({ where: { id: grant.id, status: "pending" }, data });
  if (count === 0) throw new AppError("CONFLICT", { key: "errors.access.decidedMeanwhile" });
  return tx.accessGrant.findUniqueOrThrow({ where: { id: grant.id } });
}
