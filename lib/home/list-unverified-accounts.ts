import type { Db } from "@/lib/db/client";

// The registered accounts whose role has not passed verification: nothing can be provisioned in them yet.

export type UnverifiedAccount = { id: string; accountId: string; alias: string; kind: string };

export function listUnverifiedAccounts(db: Db): Promise<UnverifiedAccount[]> {
  return db.awsAccount.findMany({
    where: { verifiedAt: null },
    select: { id: true, accountId: true, alias: true, kind: true },
    orderBy: { alias: "asc" },
  });
}
