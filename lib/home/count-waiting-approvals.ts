import type { Db } from "@/lib/db/client";

// What waits for a platform admin's decision (new exposures and decommissions), counted with the oldest's age in one
// query, for the home page. The approvals page lists them.

export type WaitingApprovals = { count: number; oldestSince: Date | null };

export async function countWaitingApprovals(db: Db): Promise<WaitingApprovals> {
  const waiting = await db.exposureRequest.aggregate({
    where: { status: { in: ["pending_approval", "decommission_pending"] } },
    _count: { _all: true },
    _min: { updatedAt: true },
  });
  return { count: waiting._count._all, oldestSince: waiting._min.updatedAt };
}
