import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

// The latest verify of each of some requests. The verify job adds a check per active chain every 10 minutes, so a
// chain's history grows by 144 rows a day; Prisma's `checks: { orderBy, take: 1 }` include reads all of them and
// keeps one in memory (no LIMIT per parent in its SQL). This reads one row per request off the (requestId, checkedAt)
// index, however long the history.

export type LatestChainCheck = {
  requestId: string;
  checkedAt: Date;
  healthy: boolean;
  brokenHop: string | null;
  reason: string | null;
  hops: Prisma.JsonValue;
};

export async function readLatestChainChecks(
  db: Db,
  requestIds: readonly string[],
): Promise<Map<string, LatestChainCheck>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db.$queryRaw<LatestChainCheck[]>`
    SELECT latest."requestId", latest."checkedAt", latest."healthy", latest."brokenHop", latest."reason", latest."hops"
    FROM unnest(${requestIds}::text[]) AS request(id)
    CROSS JOIN LATERAL (
      SELECT * FROM "ChainCheck" WHERE "requestId" = request.id ORDER BY "checkedAt" DESC LIMIT 1
    ) AS latest`;
  return new Map(rows.map((row) => [row.requestId, row]));
}
