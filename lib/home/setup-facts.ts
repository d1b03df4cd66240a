import type { SetupFacts } from "./getting-started";
import type { Db } from "@/lib/db/client";

// What the getting-started checklist ticks off from, counted in one round trip.

export async function readSetupFacts(db: Db): Promise<SetupFacts> {
  const rows = await db.$queryRaw<{ accounts: number; verifiedAccounts: number; hubs: number; requests: number }[]>`
    SELECT (SELECT count(*) FROM "AwsAccount")::int AS "accounts",
           (SELECT count(*) FROM "AwsAccount" WHERE "verifiedAt" IS NOT NULL)::int AS "verifiedAccounts",
           (SELECT count(*) FROM "PlatformHub")::int AS "hubs",
           (SELECT count(*) FROM "ExposureRequest")::int AS "requests"`;
  // A SELECT of sub-queries without FROM always answers exactly one row.
  return rows[0] as SetupFacts;
}
