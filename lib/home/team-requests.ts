import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// A requester's view of their teams' requests: how many are in each status (one grouped query), and the ones that
// wait on the team (rejected to revise, failed to retry or roll back), newest first.

export type StatusCount = { status: string; count: number };
export type WaitingOnTeam = { requestId: string; apiName: string; status: "rejected" | "failed"; since: Date };

export async function countRequestsByStatus(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<StatusCount[]> {
  const groups = await db.exposureRequest.groupBy({ by: ["status"], where: scope, _count: { _all: true } });
  return groups
    .map((group) => ({ status: group.status, count: group._count._all }))
    .sort((a, b) => a.status.localeCompare(b.status));
}

export async function listWaitingOnTeam(db: Db, scope: Prisma.ExposureRequestWhereInput): Promise<WaitingOnTeam[]> {
  const requests = await db.exposureRequest.findMany({
    where: { AND: [scope, { status: { in: ["rejected", "failed"] } }] },
    select: { id: true, apiName: true, status: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
    take: 20,
  });
  return requests.map((request) => ({
    requestId: request.id,
    apiName: request.apiName,
    status: request.status as WaitingOnTeam["status"],
    since: request.updatedAt,
  }));
}
