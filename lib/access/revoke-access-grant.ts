import { mayRevoke } from "./access-rules";
import { recordGrantChange } from "./record-grant-change";
import type { CurrentUser } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AccessGrant } from "@/lib/generated/prisma/client";

// Taking access back: either side revokes a grant (or withdraws a pending request), and the expiry job ends a grant
// past its end date. A closed grant no longer counts among the allowed endpoints; the caller queues the reconcile.

/** Closes an open grant as `status` inside `tx`; CONFLICT when it was closed meanwhile. */
export async function closeGrant(
  tx: Tx,
  grantId: string,
  status: "revoked" | "expired",
  actor: { id?: string; label: string },
): Promise<AccessGrant> {
  const found = await tx.accessGrant.findUnique({ where: { id: grantId }, include: { request: true } });
  if (!found) throw new AppError("NOT_FOUND", { key: "errors.access.grantNotFound", values: { grantId } });
  const { request: exposure, ...open } = found;
  const { count } = await tx.accessGrant.updateMany({
    where: { id: grantId, status: { in: ["pending", "approved"] } },
    data: { status, closedById: actor.id ?? null, closedByLabel: actor.label, closedAt: new Date() },
  });
  if (count === 0)
    throw new AppError("CONFLICT", { key: "errors.access.alreadyClosed", values: { status: open.status } });
  const grant = await tx.accessGrant.findUniqueOrThrow({ where: { id: grantId } });
  // A pending request withdrawn never widened the policy: it is audited and notified, and changes no revision.
  await recordGrantChange(tx, {
    event: open.status === "approved" ? status : "rejected",
    grant,
    exposure,
    actor,
    comment: open.status === "approved" ? undefined : "withdrawn",
  });
  return grant;
}

export async function revokeAccessGrant(db: Db, user: CurrentUser, grantId: string): Promise<AccessGrant> {
  return db.$transaction(async (tx) => {
    const found = await tx.accessGrant.findUnique({ where: { id: grantId }, include: { request: true } });
    if (!found) throw new AppError("NOT_FOUND", { key: "errors.access.grantNotFound", values: { grantId } });
    if (!mayRevoke(user, found, found.request.teamId))
      throw new AppError("FORBIDDEN", { key: "errors.access.notRevoker" });
    return closeGrant(tx, grantId, "revoked", { id: user.id, label: user.email });
  });
}
