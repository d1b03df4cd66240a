import { z } from "zod";
import { quotaKeys, type QuotaKey } from "./hub-quotas";
import type { Db } from "@/lib/db/client";

// The hubs whose use of a quota has reached 80 % of its limit, for the platform admin's home: from the readings the
// quotas panel and placement last took from AWS and stored on the hub (one query, no AWS call per render).

/** From this share of a limit on, a quota is "near": 16 of 20 VPC links, 480 of the 600 private APIs. */
export const nearQuotaShare = 0.8;

const storedReadings = z.array(
  z.object({ key: z.enum(quotaKeys), limit: z.number().nonnegative(), used: z.number().nonnegative() }),
);

export type StoredHubQuotas = {
  id: string;
  region: string;
  account: { alias: string; accountId: string };
  quotaReadings: unknown;
  quotasReadAt: Date | null;
};

export type NearQuota = { key: QuotaKey; used: number; limit: number };
export type HubNearQuota = { hubId: string; label: string; region: string; readAt: Date; quotas: NearQuota[] };

/** Each hub with a quota at or past the share, its fullest quota first; the hub with the fullest quota first. */
export function selectHubsNearQuota(hubs: readonly StoredHubQuotas[]): HubNearQuota[] {
  const share = ({ used, limit }: NearQuota) => (limit === 0 ? Number.POSITIVE_INFINITY : used / limit);
  const near: HubNearQuota[] = [];
  for (const hub of hubs) {
    const readings = storedReadings.safeParse(hub.quotaReadings);
    if (!readings.success || !hub.quotasReadAt) continue;
    const quotas = readings.data
      .filter((reading) => share(reading) >= nearQuotaShare)
      .map(({ key, used, limit }) => ({ key, used, limit }))
      .sort((a, b) => share(b) - share(a));
    if (quotas.length === 0) continue;
    const label = `${hub.account.alias} (${hub.account.accountId})`;
    near.push({ hubId: hub.id, label, region: hub.region, readAt: hub.quotasReadAt, quotas });
  }
  const fullest = (hub: HubNearQuota) => Math.max(...hub.quotas.map(share));
  return near.sort((a, b) => fullest(b) - fullest(a));
}

export async function listHubsNearQuota(db: Db): Promise<HubNearQuota[]> {
  const hubs = await db.platformHub.findMany({
    where: { quotasReadAt: { not: null } },
    select: {
      id: true,
      region: true,
      quotaReadings: true,
      quotasReadAt: true,
      account: { select: { alias: true, accountId: true } },
    },
  });
  return selectHubsNearQuota(hubs);
}
