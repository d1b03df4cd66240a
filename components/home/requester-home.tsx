import { useTranslations } from "next-intl";
import Link from "next/link";
import styles from "./home.module.css";
import { HomeSection, RunSection, Tiles, useAge } from "./home-parts";
import { EmptyState } from "@/components/empty-state";
import { useStatusWord } from "@/components/use-status-word";
import type { RequesterHome } from "@/lib/home/load-home";

// A requester's home: their teams' requests by status (each figure opens the filtered list), what waits on them, and
// what is being provisioned.

export function RequesterHomeView({ home, now }: { home: RequesterHome; now: Date }) {
  const t = useTranslations("home.requester");
  const statusWord = useStatusWord();
  const age = useAge(now);
  const waitingReason = { rejected: t("waitingRejected"), failed: t("waitingFailed") } as const;
  return (
    <>
      {home.byStatus.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <Tiles
          label={t("byStatus")}
          tiles={home.byStatus.map(({ status, count }) => ({
            label: statusWord(status),
            value: count,
            href: `/requests?status=${status}`,
            attention: status === "failed" || status === "rejected",
          }))}
        />
      )}
      {home.waitingOnTeam.length > 0 ? (
        <HomeSection id="home-waiting-on-you" title={t("waitingTitle")}>
          <ul className={styles.list}>
            {home.waitingOnTeam.map((request) => (
              <li key={request.requestId}>
                <Link href={`/requests/${request.requestId}`}>{request.apiName}</Link> {waitingReason[request.status]}{" "}
                <span className={styles.muted}>({age(request.since)})</span>
              </li>
            ))}
          </ul>
        </HomeSection>
      ) : null}
      <RunSection id="home-in-flight" title={t("beingProvisioned")} runs={home.inFlight} now={now} />
    </>
  );
}
