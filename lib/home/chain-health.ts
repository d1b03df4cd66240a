import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hopTitles } from "@/lib/provisioning/hops/hop-titles";
import { readLatestChainChecks } from "@/lib/provisioning/verify/read-latest-chain-checks";

// The active exposures' health as the last verification of each chain saw it, in two queries (the exposures, then
// each one's latest check): how many are healthy, how many were never verified, and the broken ones with the hop and
// AWS's reason.

export type BrokenChain = { requestId: string; apiName: string; hop: string | null; reason: string | null; at: Date };
export type ChainHealth = { active: number; healthy: number; unverified: number; broken: BrokenChain[] };

export async function chainHealth(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<ChainHealth> {
  const active = await db.exposureRequest.findMany({
    where: { AND: [scope, { status: "active" }] },
    select: { id: true, apiName: true },
  });
  const checks = await readLatestChainChecks(
    db,
    active.map((request) => request.id),
  );
  const broken = active.flatMap((request) => {
    const last = checks.get(request.id);
    if (!last || last.healthy) return [];
    const hop = last.brokenHop
      ? ((hopTitles as Record<string, string | undefined>)[last.brokenHop] ?? last.brokenHop)
      : null;
    return [{ requestId: request.id, apiName: request.apiName, hop, reason: last.reason, at: last.checkedAt }];
  });
  return {
    active: active.length,
    healthy: active.filter((request) => checks.get(request.id)?.healthy).length,
    unverified: active.filter((request) => !checks.has(request.id)).length,
    broken,
  };
}
