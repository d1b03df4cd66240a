import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection } from "./home-parts";
import { db } from "@/lib/db/client";
import { listHubsNearQuota, nearQuotaShare } from "@/lib/hubs/quotas/list-hubs-near-quota";

// The platform admin's "hubs near a quota": each hub using 80 % or more of a quota, from the readings the quotas
// panel and placement last stored (their age is shown: nothing here calls AWS). Nothing when every hub has room.

export async function HubsNearQuota({ now }: { now: Date }) {
  const hubs = await listHubsNearQuota(db());
  if (hubs.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("homeQuotas"), getFormatter()]);
  return (
    <HomeSection id="home-hubs-near-quota" title={t("title")}>
      <p className={styles.muted}>{t("intro", { share: nearQuotaShare })}</p>
      <ul className={styles.list}>
        {hubs.map((hub) => (
          <li key={hub.hubId} aria-label={t("hubNear", { hub: hub.label })}>
            <Link href={`/accounts/hub#hub-${hub.hubId}`}>{hub.label}</Link> · {hub.region}:{" "}
            {hub.quotas
              .map((quota) => t("usage", { name: t(`quotas.${quota.key}`), used: quota.used, limit: quota.limit }))
              .join("; ")}{" "}
            <span className={styles.muted}>({t("readAt", { age: format.relativeTime(hub.readAt, now) })})</span>
          </li>
        ))}
      </ul>
    </HomeSection>
  );
}
