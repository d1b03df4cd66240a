import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// The active exposures' health as the last verification of each chain saw it, in one query: how many are healthy,
// how many were never verified, and the broken ones with the hop (its step id) and AWS's reason.

export type BrokenChain = {
  requestId: string;
  apiName: string;
  stepId: string | null;
  reason: string | null;
  at: Date;
};
export type ChainHealth = { active: number; healthy: number; unverified: number; broken: BrokenChain[] };

export async function chainHealth(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<ChainHealth> {
  const active = await db.exposureRequest.findMany({
    where: { AND: [scope, { status: "active" }] },
    select: {
      id: true,
      apiName: true,
      checks: {
        orderBy: { checkedAt: "desc" },
        take: 1,
        select: { healthy: true, brokenHop: true, reason: true, checkedAt: true },
      },
    },
  });
  const broken = active.flatMap((request) => {
    const last = request.checks[0];
    if (!last || last.healthy) return [];
    return [
      {
        requestId: request.id,
        apiName: request.apiName,
        stepId: last.brokenHop,
        reason: last.reason,
        at: last.checkedAt,
      },
    ];
  });
  return {
    active: active.length,
    healthy: active.filter((request) => request.checks[0]?.healthy).length,
    unverified: active.filter((request) => !request.checks[0]).length,
    broken,
  };
}
