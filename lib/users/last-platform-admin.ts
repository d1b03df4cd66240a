import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// Gatehouse must always keep one enabled platform admin, or nobody could approve, register accounts or manage people.
// The check takes a transaction-scoped lock, so two admins removing each other at the same moment cannot both pass.

const platformAdminLock = 0x6761_7465; // "gate": any constant shared by every caller

/** Refuses (409) a change after which no enabled user would hold an admin membership of a platform team. */
export async function assertPlatformAdminRemains(
  tx: Tx,
  change: { disableUserId: string } | { removeMembershipId: string },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${platformAdminLock})`;
  const remaining = await tx.membership.findMany({
    where: {
      role: "admin",
      team: { kind: "platform" },
      user: { disabled: false },
      ...("disableUserId" in change
        ? { userId: { not: change.disableUserId } }
        : { id: { not: change.removeMembershipId } }),
    },
    select: { id: true },
  });
  if (remaining.length === 0) {
    throw new AppError("CONFLICT", { key: "errors.users.lastAdmin" });
  }
}
