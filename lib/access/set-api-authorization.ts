import { z } from "zod";
import { bumpConsumerRevision } from "./record-grant-change";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isPlatformAdmin, type CurrentUser } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// The owning team chooses how its API authorizes callers: `none` (the resource policy's VPC endpoints are the only
// gate) or `AWS_IAM` (signed calls from the principals of approved grants). Recorded with its audit event as the next
// consumer-endpoint revision; the caller queues the reconcile, which updates the methods and the policy and redeploys.

export const apiAuthorizationSchema = z.object({ authorization: z.enum(["none", "AWS_IAM"]) });

export async function setApiAuthorization(
  db: Db,
  user: CurrentUser,
  requestId: string,
  input: z.infer<typeof apiAuthorizationSchema>,
): Promise<{ requestId: string; authorization: "none" | "AWS_IAM" }> {
  return db.$transaction(async (tx) => {
    const exposure = await tx.exposureRequest.findUnique({ where: { id: requestId } });
    if (!exposure) throw new AppError("NOT_FOUND", { key: "errors.access.exposureNotFound", values: { requestId } });
    const ownerRequester = user.memberships.some(
      (membership) => membership.teamId === exposure.teamId && membership.role === "requester",
    );
    if (!ownerRequester && !isPlatformAdmin(user))
      throw new AppError("FORBIDDEN", { key: "errors.access.notAuthorizationChooser" });
    if (exposure.status !== "active")
      throw new AppError("CONFLICT", {
        key: "errors.access.authorizationNotActive",
        values: { requestId, status: exposure.status },
      });
    if (exposure.authorization !== input.authorization) {
      await tx.exposureRequest.update({ where: { id: requestId }, data: { authorization: input.authorization } });
      await bumpConsumerRevision(tx, requestId);
      await recordAuditEvent(tx, {
        actor: { id: user.id, label: user.email },
        action: "access.authorization_changed",
        targetType: "request",
        targetId: requestId,
        details: { from: exposure.authorization, to: input.authorization },
      });
    }
    return { requestId, authorization: input.authorization };
  });
}
