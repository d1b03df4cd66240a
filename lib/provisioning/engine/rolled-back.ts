import type { Db } from "@/lib/db/client";

// A request whose failed run was rolled back: approved again, nothing of its chain left in AWS. Its team may re-run it
// (a new provision run) or withdraw it; until then it does not pin its hub.

/** The latest run is a rollback that finished. */
export function wasRolledBack(latestRun: { kind: string; status: string } | undefined): boolean {
  return latestRun?.kind === "rollback" && latestRun.status === "succeeded";
}

/** Whether the request's latest run is a finished rollback, read in the caller's transaction. */
export async function isRolledBack(db: Pick<Db, "provisioningRun">, requestId: string): Promise<boolean> {
  const latest = await db.provisioningRun.findFirst({ where: { requestId }, orderBy: { createdAt: "desc" } });
  return wasRolledBack(latest ?? undefined);
}
