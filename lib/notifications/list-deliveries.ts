import type { Db } from "@/lib/db/client";

/** For admins: how many deliveries are in each state, and the latest ones that did not get through (yet). */
export async function webhookDeliveryOverview(db: Db, limit = 10) {
  const [counts, problems] = await Promise.all([
    db.webhookDelivery.groupBy({ by: ["status"], _count: { _all: true } }),
    db.webhookDelivery.findMany({
      where: { status: { in: ["failed", "pending"] }, attempts: { gt: 0 } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: {
        id: true,
        event: true,
        requestId: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
      },
    }),
  ]);
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  return { delivered: count("delivered"), pending: count("pending"), failed: count("failed"), problems };
}
