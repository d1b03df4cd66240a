import { readHubQuotas } from "./read-hub-quotas";
import { accountAccessOf } from "@/lib/accounts/account-access";
import type { ClientFactory } from "@/lib/aws/client-factory";
import type { Db } from "@/lib/db/client";
import type { AwsAccount, PlatformHub } from "@/lib/generated/prisma/client";
import type { PlacementCandidate } from "@/lib/requests/hub-choice";

// The hubs of a region (or every region) with their quotas read live through each platform account's role, in
// parallel. An account that cannot be read (role gone, AWS refusing) becomes a reason, never an error: the other hubs
// still place and the panel still renders. Readings are stored on the hub as they are taken.

export type HubWithAccount = PlatformHub & { account: AwsAccount };

export async function readHubCandidates(
  db: Db,
  clients: ClientFactory,
  purpose: string,
  where: { region?: string } = {},
): Promise<PlacementCandidate<HubWithAccount>[]> {
  const hubs = await db.platformHub.findMany({
    where,
    include: { account: true },
    orderBy: [{ region: "asc" }, { createdAt: "asc" }],
  });
  return Promise.all(
    hubs.map(async (hub) => {
      const base = {
        hub,
        linkMode: hub.linkMode,
        hasSharedLink: hub.sharedVpcLinkId !== null,
        drained: hub.drainedAt !== null,
      };
      try {
        const readings = await readHubQuotas(clients.clientsFor(accountAccessOf(hub.account, hub.region), purpose));
        // Kept for the admin's home (list-hubs-near-quota.ts), which must not call AWS on every render.
        await db.platformHub.updateMany({
          where: { id: hub.id },
          data: { quotaReadings: readings, quotasReadAt: new Date() },
        });
        return { ...base, quotas: { readings } };
      } catch (error) {
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return { ...base, quotas: { unreadable: reason } };
      }
    }),
  );
}
