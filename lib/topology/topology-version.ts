import type { Db } from "@/lib/db/client";

// A cheap stamp of everything the maps are drawn from: per table a row count and a sum of per-row hashes of the columns
// that change (updatedAt where the table has one; a step's status, attempts, times, outputs and error). Any insert,
// update or delete changes it, also one committed late with an older timestamp (a max(updatedAt) would miss that).
// One statement of aggregates over the tables, a few tens of milliseconds at 5,000 exposures instead of the seconds
// a rebuild takes. A step's outputs are hashed by their length (outputs only grow while a step runs).

export async function readTopologyVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`
    SELECT concat_ws(':',
      (SELECT concat(count(*), '.', sum(hashtext(concat(id, "updatedAt")))) FROM "ExposureRequest"),
      (SELECT concat(count(*), '.', sum(hashtext(concat(id, "updatedAt")))) FROM "PlatformHub"),
      (SELECT concat(count(*), '.', sum(hashtext(concat(id, "updatedAt")))) FROM "AwsAccount"),
      (SELECT concat(count(*), '.', sum(hashtext(concat(id, name)))) FROM "Team"),
      (SELECT concat(count(*), '.', sum(hashtext(id))) FROM "ProvisioningRun"),
      (SELECT concat(count(*), '.', sum(hashtext(concat_ws('|', id, status, attempts, "startedAt", "finishedAt",
        octet_length(outputs::text), octet_length(error::text))))) FROM "ProvisioningStep"),
      (SELECT concat(count(*), '.', sum(hashtext(concat(id, "deletedAt")))) FROM "ProvisionedResource"),
      (SELECT concat(count(*), '.', sum(hashtext(id))) FROM "ChainCheck")
    ) AS version`;
  return row?.version ?? "";
}
