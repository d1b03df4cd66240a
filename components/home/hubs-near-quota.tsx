import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection } from "./home-parts";
import { db } from "@/lib/db/client";
import { formatAge } from "@/lib/home/format-age";
import { quotaDefinitions } from "@/lib/hubs/quotas/hub-quotas";
import { listHubsNearQuota, nearQuotaShare } from "@/lib/hubs/quotas/list-hubs-near-quota";

// The platform admin's "hubs near a quota": each hub using 80 % or more of a quota, from the readings the quotas
// panel and placement last stored (their age is shown: nothing here calls AWS). Nothing when every hub has room.

export async function HubsNearQuota({ now }: { now: Date }) {
  const hubs = await listHubsNearQuota(db());
  if (hubs.length === 0) return null;
  return (
    <HomeSection id="home-hubs-near-quota" title="Hubs near a quota">
      <p className={styles.muted}>
        Quotas at {Math.round(nearQuotaShare * 100)} % of their limit or more, as last read from AWS.
      </p>
      <ul className={styles.list}>
        {hubs.map((hub) => (
          <li key={hub.hubId} aria-label={`Hub ${hub.label} near a quota`}>
            <Link href={`/accounts/hub#hub-${hub.hubId}`}>{hub.label}</Link> · {hub.region}:{" "}
            {hub.quotas.map((quota, index) => (
              <span key={quota.key}>
                {index > 0 ? "; " : null}
                {quotaDefinitions[quota.key].name} {quota.used} of {quota.limit}
              </span>
            ))}{" "}
            <span className={styles.muted}>(read {formatAge(hub.readAt, now)} ago)</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
