import type { Db } from "@/lib/db/client";
import { chainOutputs } from "@/lib/provisioning/engine/chain-outputs";

// What the hub page's migration panel shows per hub: active exposures still on a V1 link, migrations waiting for a
// decision and migrations under way.

export type HubMigrationSummary = {
  hubId: string;
  region: string;
  accountId: string;
  onV1: number;
  pending: number;
  migrating: number;
};

export async function hubMigrationSummaries(db: Db): Promise<HubMigrationSummary[]> {
  const hubs = await db.platformHub.findMany({
    include: {
      account: true,
      requests: {
        where: { status: { in: ["active", "migration_pending", "migrating"] } },
        select: { id: true, status: true },
      },
    },
    orderBy: { region: "asc" },
  });
  return Promise.all(
    hubs.map(async (hub) => {
      const active = hub.requests.filter((request) => request.status === "active");
      const versions = await Promise.all(
        active.map(async ({ id }) => (await chainOutputs(db, id))["vpcLink.create"]?.version),
      );
      return {
        hubId: hub.id,
        region: hub.region,
        accountId: hub.account.accountId,
        onV1: versions.filter((version) => version === "v1").length,
        pending: hub.requests.filter((request) => request.status === "migration_pending").length,
        migrating: hub.requests.filter((request) => request.status === "migrating").length,
      };
    }),
  );
}
